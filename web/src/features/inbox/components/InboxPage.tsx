import { Route, Switch } from 'wouter';
import { ConversationList } from './ConversationList';
import { Thread } from './Thread';

/** The inbox: conversations beside the open thread; on a phone, one at a time. */
export default function InboxPage() {
  return (
    <Switch>
      <Route path="/:id">
        {(params) => (
          <div className="inbox has-thread">
            <ConversationList selected={params.id} />
            <Thread key={params.id} id={params.id} />
          </div>
        )}
      </Route>
      <Route>
        <div className="inbox">
          <ConversationList />
        </div>
      </Route>
    </Switch>
  );
}
