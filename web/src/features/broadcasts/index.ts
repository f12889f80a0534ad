export { default } from './components/BroadcastsPage';
