export { default } from './components/TemplatesPage';
