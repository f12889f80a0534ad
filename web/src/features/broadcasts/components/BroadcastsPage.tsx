import { Route, Switch } from 'wouter';
import { BroadcastHome } from './BroadcastHome';
import { BroadcastProgress } from './BroadcastProgress';

/** Broadcast lists and sending (/broadcasts), one broadcast's live progress (/broadcasts/:id). */
export default function BroadcastsPage() {
  return (
    <Switch>
      <Route path="/:id">{(params) => <BroadcastProgress id={params.id} />}</Route>
      <Route>
        <BroadcastHome />
      </Route>
    </Switch>
  );
}
