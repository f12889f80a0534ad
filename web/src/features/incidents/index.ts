export { default } from './components/IncidentsPage';
