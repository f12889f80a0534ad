export { default } from './components/AuditPage';
