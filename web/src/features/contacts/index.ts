export { default } from './components/ContactsPage';
