import { Route, Switch } from 'wouter';
import { TripDetail } from './TripDetail';
import { TripList } from './TripList';

/** Trips, and one trip's staff and timeline at /trips/:code. */
export default function TripsPage() {
  return (
    <Switch>
      <Route path="/:code">{(params) => <TripDetail code={decodeURIComponent(params.code)} />}</Route>
      <Route>
        <TripList />
      </Route>
    </Switch>
  );
}
