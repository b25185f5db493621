/**
 * The work-order machine against a table written by hand from rules.md §2 and the role matrix:
 * every (state, action, role) for fault and other orders, with and without the pending-request,
 * callback and master conditions; then what each action does to the state, flags and clocks.
 */
import { describe, expect, it } from 'vitest';
import type { SlaStep } from '../../../common/orders/sla.js';
import {
  ORDER_ACTIONS,
  ORDER_STATES,
  type OrderAction,
  type OrderFlag,
  type OrderState,
} from '../../../common/orders/states.js';
import { ROLES, permissionsOf, type Permission, type Role } from '../../../common/permissions.js';
import {
  actionFitsState,
  allowedActions,
  inputsOf,
  mayTake,
  outcomeOf,
  outageRestoredOutcome,
  type ActionInputKind,
  type MachineActor,
  type MachineOrder,
} from './machine.js';

// Who may act: predicates over the actor, named for the people behind them.
type Who = (a: MachineActor) => boolean;
const holds =
  (p: Permission): Who =>
  (a) =>
    a.permissions.has(p);
const either =
  (...ws: Who[]): Who =>
  (a) =>
    ws.some((w) => w(a));

/** The center that accepts orders and talks to the customer (agents, leads). */
const center = holds('order.create');
/** The center sending an accepted order to a unit. */
const centerDispatcher: Who = (a) => center(a) && a.permissions.has('order.dispatch');
/** The center reviewing the result, calling back and archiving. */
const reviewer = holds('order.review');
/** The unit the order sits with. */
const handler: Who = (a) => a.handlesOrder && a.permissions.has('order.handle');
/** A unit's dispatcher moving an order it holds to another crew. */
const unitDispatcher: Who = (a) => handler(a) && a.permissions.has('order.dispatch');
/** Leads and the center manager: reassign, suspensions, 督办, re-open, 服务终止. */
const supervisor = holds('order.supervise');

// Where an action applies.
type Where = (o: MachineOrder) => boolean;
const at =
  (...states: OrderState[]): Where =>
  (o) =>
    states.includes(o.state);
/** The unit is working the order; a suspension may be asked for here. */
const WORKING: OrderState[] = ['handling', 'on_site', 'repaired'];
/** Not finished and not merged into another order. */
const OPEN: OrderState[] = [
  'accepted',
  'dispatched',
  'handling',
  'on_site',
  'repaired',
  'returned',
  'reviewed',
  'called_back',
  'suspended',
  'linked',
];

interface Row {
  where: Where;
  who: Who;
  needs: ActionInputKind[];
}

const TABLE: Record<OrderAction, Row> = {
  dispatch: { where: at('accepted'), who: centerDispatcher, needs: [] },
  acknowledge: { where: at('dispatched'), who: handler, needs: [] },
  send_back: { where: at('dispatched', 'handling'), who: handler, needs: ['reason'] },
  contact: { where: at(...WORKING), who: handler, needs: ['body'] },
  arrive: { where: (o) => o.isFault && o.state === 'handling', who: handler, needs: [] },
  repaired: { where: (o) => o.isFault && o.state === 'on_site', who: handler, needs: ['result'] },
  // A fault order is returned once repaired; any other order straight from handling.
  return: {
    where: (o) => o.state === (o.isFault ? 'repaired' : 'handling'),
    who: handler,
    needs: ['result'],
  },
  review_pass: { where: at('returned'), who: reviewer, needs: [] },
  review_reject: { where: at('returned'), who: reviewer, needs: ['reason'] },
  callback: {
    where: (o) => o.state === 'reviewed' && o.callbackRequired,
    who: reviewer,
    needs: ['satisfaction'],
  },
  archive: {
    where: (o) => o.state === 'called_back' || (o.state === 'reviewed' && !o.callbackRequired),
    who: reviewer,
    needs: [],
  },
  reassign: {
    where: at('dispatched', 'handling'),
    who: either(supervisor, unitDispatcher),
    needs: ['reason'],
  },
  request_suspension: {
    where: (o) => WORKING.includes(o.state) && !o.suspensionRequested,
    who: handler,
    needs: ['reason'],
  },
  approve_suspension: {
    where: (o) => WORKING.includes(o.state) && o.suspensionRequested,
    who: supervisor,
    needs: [],
  },
  reject_suspension: {
    where: (o) => WORKING.includes(o.state) && o.suspensionRequested,
    who: supervisor,
    needs: ['reason'],
  },
  resume: { where: at('suspended'), who: either(supervisor, handler), needs: [] },
  // 催办: the customer chases an order not yet called back.
  urge: {
    where: at(
      'accepted',
      'dispatched',
      'handling',
      'on_site',
      'repaired',
      'returned',
      'reviewed',
      'suspended',
      'linked',
    ),
    who: center,
    needs: ['body'],
  },
  supervise: { where: at(...OPEN), who: supervisor, needs: ['reason'] },
  reopen: { where: at('called_back', 'archived'), who: supervisor, needs: ['reason'] },
  terminate: { where: at(...OPEN), who: supervisor, needs: ['reason'] },
  merge: {
    where: (o) => ['accepted', 'dispatched', 'handling'].includes(o.state) && !o.isMaster,
    who: center,
    needs: ['masterId'],
  },
  // A fault inside a live outage waits for it; dispatchers and outage managers link and unlink.
  link_outage: {
    where: (o) => o.isFault && ['accepted', 'dispatched', 'handling'].includes(o.state),
    who: either(holds('order.dispatch'), holds('outage.manage')),
    needs: ['outageId'],
  },
  unlink_outage: {
    where: at('linked'),
    who: either(holds('order.dispatch'), holds('outage.manage')),
    needs: ['reason'],
  },
  reply: { where: (o) => o.state !== 'merged', who: either(center, handler), needs: ['body'] },
  note: { where: () => true, who: either(center, reviewer, supervisor, handler), needs: ['body'] },
};

const BOOL = [false, true] as const;

const actorOf = (role: Role, handlesOrder: boolean): MachineActor => ({
  permissions: new Set(permissionsOf([role])),
  handlesOrder,
});

/** Every order the table speaks of: each state, fault or not, with each condition on or off. */
function allOrders(): MachineOrder[] {
  const out: MachineOrder[] = [];
  for (const state of ORDER_STATES)
    for (const isFault of BOOL)
      for (const callbackRequired of BOOL)
        for (const suspensionRequested of BOOL)
          for (const isMaster of BOOL)
            out.push({
              state,
              isFault,
              callbackRequired,
              suspensionRequested,
              isMaster,
              suspendedFrom: state === 'suspended' ? (isFault ? 'on_site' : 'handling') : null,
            });
  return out;
}
const ORDERS = allOrders();
const ACTORS = ROLES.flatMap((role) =>
  BOOL.map((handles) => ({ role, handles, actor: actorOf(role, handles) })),
);

const show = (o: MachineOrder) =>
  [
    o.state,
    o.isFault ? 'fault' : 'other',
    o.callbackRequired && 'callback',
    o.suspensionRequested && 'suspension_requested',
    o.isMaster && 'master',
  ]
    .filter(Boolean)
    .join('+');

describe('the roles behind the table', () => {
  const who = (w: Who, handles = true) => ROLES.filter((r) => w(actorOf(r, handles)));
  it('names the people each predicate stands for', () => {
    expect(who(center)).toEqual(['agent', 'shift_lead', 'team_lead']);
    expect(who(centerDispatcher)).toEqual(['agent', 'shift_lead', 'team_lead']);
    expect(who(reviewer)).toEqual(['agent', 'shift_lead', 'team_lead']);
    expect(who(supervisor)).toEqual(['shift_lead', 'team_lead', 'center_manager']);
    expect(who(handler)).toEqual(['dispatcher', 'repair_crew', 'back_office']);
    expect(who(handler, false)).toEqual([]);
    expect(who(unitDispatcher)).toEqual(['dispatcher']);
  });
});

describe('every (state, action, role) of the machine', () => {
  it.each(ORDER_ACTIONS)('%s fits the states of the table', (action) => {
    const wrong = ORDERS.filter((o) => actionFitsState(o, action) !== TABLE[action].where(o));
    expect(wrong.map(show)).toEqual([]);
  });

  it.each(ORDER_ACTIONS)('%s is open to the roles of the table', (action) => {
    const row = TABLE[action];
    const wrong: string[] = [];
    let checked = 0;
    for (const o of ORDERS)
      for (const { role, handles, actor } of ACTORS) {
        const expected = row.where(o) && row.who(actor);
        if (mayTake(o, actor, action) !== expected)
          wrong.push(`${role}${handles ? ' (handling)' : ''} on ${show(o)}: expected ${expected}`);
        checked++;
      }
    expect(wrong).toEqual([]);
    // fault × callback × pending request × master = 16 orders per state; handling or not
    expect(checked).toBe(ORDER_STATES.length * 16 * ROLES.length * 2);
  });

  it('asks for the inputs of the table', () => {
    for (const action of ORDER_ACTIONS)
      expect([action, [...inputsOf(action)].sort()]).toEqual([action, TABLE[action].needs]);
  });

  it('refuses every action to those who only read orders', () => {
    for (const role of ['quality_inspector', 'trainer', 'admin'] as const)
      for (const o of ORDERS) expect(allowedActions(o, actorOf(role, false))).toEqual([]);
  });
});

/** A plain order, varied by each case. */
const base: MachineOrder = {
  state: 'handling',
  isFault: false,
  callbackRequired: true,
  suspensionRequested: false,
  suspendedFrom: null,
  isMaster: false,
};
const fault = { isFault: true };
const pending = { suspensionRequested: true };

describe('allowedActions, in the order of ORDER_ACTIONS', () => {
  // [who, handling the order?, the order, the actions, space-separated]
  const cases: [Role, boolean, Partial<MachineOrder>, string][] = [
    ['agent', false, { state: 'returned' }, 'review_pass review_reject urge reply note'],
    ['agent', false, { state: 'accepted' }, 'dispatch urge merge reply note'],
    ['agent', false, { state: 'reviewed', callbackRequired: false }, 'archive urge reply note'],
    ['repair_crew', true, { ...fault, state: 'dispatched' }, 'acknowledge send_back reply note'],
    ['repair_crew', true, fault, 'send_back contact arrive request_suspension reply note'],
    ['repair_crew', false, { ...fault, state: 'dispatched' }, ''],
    [
      'dispatcher',
      true,
      { ...fault, state: 'dispatched' },
      'acknowledge send_back reassign link_outage reply note',
    ],
    [
      'shift_lead',
      false,
      { ...fault, ...pending },
      'reassign approve_suspension reject_suspension urge supervise terminate merge link_outage reply note',
    ],
    ['center_manager', false, { state: 'archived' }, 'reopen note'],
  ];
  it.each(cases)('%s (handling: %s) on %o', (role, handles, over, actions) => {
    const got = allowedActions({ ...base, ...over }, actorOf(role, handles));
    expect(got).toEqual(actions.split(' ').filter(Boolean));
  });
});

interface Expected {
  to: OrderState;
  stop?: SlaStep[] | 'all';
  start?: SlaStep[];
  pause?: boolean;
  resume?: boolean;
  add?: OrderFlag[];
  remove?: OrderFlag[];
}

const sorted = <T>(xs: readonly T[]) => [...xs].sort();

/** The outcome in a comparable shape (step lists unordered, absent switches false). */
function outcome(o: MachineOrder, action: OrderAction) {
  const out = outcomeOf(o, action);
  const { stop, start, pause, resume } = out.clocks;
  return {
    to: out.to,
    stop: stop === 'all' ? 'all' : sorted(stop),
    start: sorted(start),
    pause: pause ?? false,
    resume: resume ?? false,
    add: sorted(out.addFlags),
    remove: sorted(out.removeFlags),
  };
}
const expected = (e: Expected) => ({
  to: e.to,
  stop: e.stop === 'all' ? 'all' : sorted(e.stop ?? []),
  start: sorted(e.start ?? []),
  pause: e.pause ?? false,
  resume: e.resume ?? false,
  add: sorted(e.add ?? []),
  remove: sorted(e.remove ?? []),
});

/** The handler's clocks, all stopped when the unit returns the order (回单). */
const HANDLER_CLOCKS: SlaStep[] = [
  'total',
  'acknowledge',
  'first_contact',
  'arrive',
  'repair',
  'return',
];
const OUTCOMES: [OrderAction, Partial<MachineOrder>, Expected][] = [
  [
    'dispatch',
    { state: 'accepted' },
    { to: 'dispatched', stop: ['dispatch'], start: ['acknowledge'] },
  ],
  ['acknowledge', { state: 'dispatched' }, { to: 'handling', stop: ['acknowledge'] }],
  [
    'send_back',
    { state: 'dispatched' },
    { to: 'accepted', stop: ['acknowledge'], start: ['dispatch'] },
  ],
  ['send_back', {}, { to: 'accepted', stop: ['acknowledge'], start: ['dispatch'] }],
  ['contact', {}, { to: 'handling', stop: ['first_contact'] }],
  ['contact', { ...fault, state: 'on_site' }, { to: 'on_site', stop: ['first_contact'] }],
  ['arrive', fault, { to: 'on_site', stop: ['arrive'], start: ['repair'] }],
  [
    'repaired',
    { ...fault, state: 'on_site' },
    { to: 'repaired', stop: ['repair'], start: ['return'] },
  ],
  ['return', {}, { to: 'returned', stop: HANDLER_CLOCKS, start: ['review'] }],
  [
    'return',
    { ...fault, state: 'repaired' },
    { to: 'returned', stop: HANDLER_CLOCKS, start: ['review'] },
  ],
  ['review_pass', { state: 'returned' }, { to: 'reviewed', stop: ['review'], start: ['callback'] }],
  [
    'review_pass',
    { state: 'returned', callbackRequired: false },
    { to: 'reviewed', stop: ['review'] },
  ],
  // The return clock runs again while the unit reworks its 回单.
  ['review_reject', { state: 'returned' }, { to: 'handling', stop: ['review'], start: ['return'] }],
  // The unit rewrites its 回单 from where it returned it: a fault order from 'repaired', not from
  // 'handling' (which would make the crew log a second arrival and restart the repair clock).
  [
    'review_reject',
    { ...fault, state: 'returned' },
    { to: 'repaired', stop: ['review'], start: ['return'] },
  ],
  ['callback', { state: 'reviewed' }, { to: 'called_back', stop: ['callback'] }],
  ['archive', { state: 'called_back' }, { to: 'archived', stop: 'all' }],
  ['archive', { state: 'reviewed', callbackRequired: false }, { to: 'archived', stop: 'all' }],
  ['reassign', { state: 'dispatched' }, { to: 'dispatched', start: ['acknowledge'] }],
  ['reassign', {}, { to: 'dispatched', start: ['acknowledge'] }],
  ['request_suspension', fault, { to: 'handling', add: ['suspension_requested'] }],
  [
    'approve_suspension',
    { ...fault, ...pending, state: 'on_site' },
    { to: 'suspended', pause: true, remove: ['suspension_requested'] },
  ],
  [
    'reject_suspension',
    { ...pending, state: 'repaired' },
    { to: 'repaired', remove: ['suspension_requested'] },
  ],
  ['resume', { state: 'suspended', suspendedFrom: 'on_site' }, { to: 'on_site', resume: true }],
  ['resume', { state: 'suspended', suspendedFrom: null }, { to: 'handling', resume: true }],
  ['urge', { state: 'dispatched' }, { to: 'dispatched' }],
  ['supervise', {}, { to: 'handling', stop: ['escalation'], add: ['supervised'] }],
  ['reopen', { state: 'called_back' }, { to: 'handling', stop: 'all', start: ['total'] }],
  ['reopen', { state: 'archived' }, { to: 'handling', stop: 'all', start: ['total'] }],
  ['terminate', { state: 'accepted' }, { to: 'terminated', stop: 'all' }],
  ['terminate', { state: 'suspended' }, { to: 'terminated', stop: 'all' }],
  ['merge', { state: 'dispatched' }, { to: 'merged', stop: 'all' }],
  [
    'link_outage',
    { ...fault, state: 'dispatched' },
    { to: 'linked', stop: ['dispatch', 'acknowledge', 'arrive', 'repair', 'return'] },
  ],
  [
    'unlink_outage',
    { ...fault, state: 'linked' },
    { to: 'accepted', start: ['dispatch', 'arrive'] },
  ],
  ['reply', { state: 'archived' }, { to: 'archived' }],
  ['note', { state: 'merged' }, { to: 'merged' }],
];

describe('outcomeOf', () => {
  it('covers every action', () => {
    expect(sorted([...new Set(OUTCOMES.map(([a]) => a))])).toEqual(sorted(ORDER_ACTIONS));
  });

  it.each(OUTCOMES)('%s from %o', (action, over, e) => {
    const o = { ...base, ...over };
    expect(TABLE[action].where(o)).toBe(true);
    expect(outcome(o, action)).toEqual(expected(e));
  });
});

// A request to suspend belongs to the unit that asked while working the order. When the order
// leaves that unit's work (sent back, reassigned, returned, closed), the request must go with it:
// otherwise a supervisor could later approve, for another unit or after a re-open, a suspension
// nobody is asking for, and the new unit could not ask for its own.
describe('a pending suspension request', () => {
  const leaving: [OrderAction, Partial<MachineOrder>, OrderState][] = [
    ['send_back', {}, 'accepted'],
    ['reassign', {}, 'dispatched'],
    ['return', {}, 'returned'],
    ['return', { ...fault, state: 'repaired' }, 'returned'],
    ['terminate', { ...fault, state: 'on_site' }, 'terminated'],
    ['merge', {}, 'merged'],
    ['link_outage', fault, 'linked'],
  ];
  it.each(leaving)('is dropped by %s from %o', (action, over, to) => {
    const o = { ...base, ...pending, ...over };
    const out = outcomeOf(o, action);
    expect(out.to).toBe(to);
    expect(out.removeFlags).toContain('suspension_requested');
  });
});

describe('power back in an outage (outageRestoredOutcome)', () => {
  it('returns a linked order reviewed, with its callback queued when the type needs one', () => {
    const o = { ...base, ...fault, state: 'linked' as const };
    const out = outageRestoredOutcome(o);
    expect(out.to).toBe('reviewed');
    expect(out.clocks.start).toEqual(['callback']);
    expect(sorted(out.clocks.stop as SlaStep[])).toEqual(
      sorted([...HANDLER_CLOCKS, 'dispatch', 'review']),
    );
    expect(outageRestoredOutcome({ ...o, callbackRequired: false }).clocks.start).toEqual([]);
  });
});
