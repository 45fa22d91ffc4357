// First run: nothing was ever delivered and the wizard was never finished, so the dashboard opens
// on the setup wizard instead of an empty overview. Only when the address named no page: a link
// to a page (or the operator navigating while this was being asked) is respected.
import { useEffect } from 'react';
import { useApi } from '../api/ApiContext.js';
import { isFirstRun } from '../pages/setup/steps.js';
import { hrefOf } from './routes.js';

const namesNoPage = (hash: string) => hash.replace(/^#\/?/, '') === '';

export function useFirstRunSetup(): void {
  const api = useApi();
  useEffect(() => {
    if (!namesNoPage(window.location.hash)) return;
    let live = true;
    void Promise.all([api.status(), api.wizardState()]).then(
      ([status, wizard]) => {
        if (live && namesNoPage(window.location.hash) && isFirstRun(status.lastEventAt, wizard)) window.location.replace(hrefOf('setup'));
      },
      () => undefined, // the overview shows the connection problem
    );
    return () => {
      live = false;
    };
  }, [api]);
}
