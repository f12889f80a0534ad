export { QuickRepliesCard } from './components/QuickRepliesCard';
export { QuickReplyTextArea } from './components/QuickReplyTextArea';
