export { default } from './components/LeadsPage';
