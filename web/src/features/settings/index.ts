export { default } from './components/SettingsPage';
