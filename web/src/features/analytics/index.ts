export { default } from './components/AnalyticsPage';
