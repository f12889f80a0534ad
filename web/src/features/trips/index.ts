export { default } from './components/TripsPage';
