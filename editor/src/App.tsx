// The app: the language, the session (login page until signed in), and the routes inside the shell.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Shell } from './app/Shell.tsx';
import { detectLang, type Lang, LangProvider } from './i18n.ts';
import { LoginPage } from './LoginPage.tsx';
import { useSession } from './queries.ts';
import { BotsScreen } from './screens/BotsScreen.tsx';
import { CampaignScreen } from './screens/CampaignScreen.tsx';
import { CampaignsScreen } from './screens/CampaignsScreen.tsx';
import { CampaignWizard } from './screens/CampaignWizard.tsx';
import { ChannelsScreen } from './screens/ChannelsScreen.tsx';
import { ContactDetailScreen } from './screens/ContactDetailScreen.tsx';
import { ContactsScreen } from './screens/ContactsScreen.tsx';
import { CouponsScreen } from './screens/CouponsScreen.tsx';
import { FlowsScreen } from './screens/FlowsScreen.tsx';
import { GroupsDetailScreen } from './screens/GroupsDetail.tsx';
import { GroupsRoomSetsScreen } from './screens/GroupsRoomSets.tsx';
import { GroupsScreen } from './screens/GroupsScreen.tsx';
import { InboxScreen } from './screens/InboxScreen.tsx';
import { InsightsContactsScreen } from './screens/InsightsContacts.tsx';
import { InsightsScreen } from './screens/InsightsScreen.tsx';
import { KpisScreen } from './screens/KpisScreen.tsx';
import { LeadsScreen } from './screens/LeadsScreen.tsx';
import { MembersScreen } from './screens/MembersScreen.tsx';
import { ProfileScreen } from './screens/ProfileScreen.tsx';
import { ReviewScreen } from './screens/ReviewScreen.tsx';
import { SegmentScreen } from './screens/SegmentScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';

// The canvas (React Flow, the node catalogue, the compiler's lint) loads only when a flow opens.
const FlowEditorPage = lazy(() =>
  import('./flow-editor/FlowEditorPage.tsx').then((m) => ({ default: m.FlowEditorPage })),
);

export function App() {
  const [lang, setLang] = useState<Lang>(detectLang);
  const queryClient = useQueryClient();
  const session = useSession();

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('wefunnel.lang', lang);
  }, [lang]);

  return (
    <LangProvider lang={lang} setLang={setLang}>
      {session.isPending ? null : !session.data ? (
        <LoginPage onSignedIn={(me) => queryClient.setQueryData(['session'], me)} />
      ) : (
        <Switch>
          <Route path="/flows/:id">
            {(params) => (
              <Suspense fallback={null}>
                <FlowEditorPage key={params.id} flowId={params.id} />
              </Suspense>
            )}
          </Route>
          <Route>
            <Shell session={session.data}>
              <Switch>
                <Route path="/insights" component={InsightsScreen} />
                <Route path="/insights/:kind">
                  {(params) => <InsightsContactsScreen key={params.kind} kind={params.kind} />}
                </Route>
                <Route path="/kpis" component={KpisScreen} />
                <Route path="/review" component={ReviewScreen} />
                <Route path="/inbox/:id?">{(params) => <InboxScreen id={params.id} />}</Route>
                <Route path="/flows" component={FlowsScreen} />
                <Route path="/contacts/:id">{(params) => <ContactDetailScreen id={params.id} />}</Route>
                <Route path="/contacts" component={ContactsScreen} />
                <Route path="/groups/sets" component={GroupsRoomSetsScreen} />
                <Route path="/groups/:id">
                  {(params) => <GroupsDetailScreen key={params.id} id={params.id} />}
                </Route>
                <Route path="/groups" component={GroupsScreen} />
                <Route path="/campaigns/segments/new" component={SegmentScreen} />
                <Route path="/campaigns/segments">{() => <CampaignsScreen tab="segments" />}</Route>
                <Route path="/campaigns/new" component={CampaignWizard} />
                <Route path="/campaigns/:id">
                  {(params) => <CampaignScreen key={params.id} id={params.id} />}
                </Route>
                <Route path="/campaigns">{() => <CampaignsScreen />}</Route>
                <Route path="/leads" component={LeadsScreen} />
                <Route path="/channels" component={ChannelsScreen} />
                <Route path="/coupons" component={CouponsScreen} />
                <Route path="/bots" component={BotsScreen} />
                <Route path="/members" component={MembersScreen} />
                <Route path="/settings" component={SettingsScreen} />
                <Route path="/profile" component={ProfileScreen} />
                <Route>
                  {/* An agent's home is the inbox; everyone else starts at the insights: what to do today. */}
                  <Redirect to={session.data.role === 'agent' ? '/inbox' : '/insights'} replace />
                </Route>
              </Switch>
            </Shell>
          </Route>
        </Switch>
      )}
    </LangProvider>
  );
}
