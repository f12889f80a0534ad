export { default } from './components/BookingsPage';
