/**
 * The work-order state machine (rules.md §2), pure: which actions an actor may take on an order
 * in its state, and what each action does to the state, the flags and the SLA clocks. The service
 * applies the outcome in one transaction with history, audit and outbox.
 */
import type { Permission } from '../../../common/permissions.js';
import type { SlaStep } from '../../../common/orders/sla.js';
import type { OrderAction, OrderFlag, OrderState } from '../../../common/orders/states.js';

/** What the machine needs to know about an order. */
export interface MachineOrder {
  state: OrderState;
  /** A fault order is repaired on site: arrive and repaired come between acknowledge and return. */
  isFault: boolean;
  callbackRequired: boolean;
  suspensionRequested: boolean;
  suspendedFrom: OrderState | null;
  /** Other orders are merged under this one. */
  isMaster: boolean;
}

/** Who acts: their permissions, and whether the order sits with a unit they work for. */
export interface MachineActor {
  permissions: ReadonlySet<Permission>;
  /** The order is assigned to a unit inside the actor's service area (handler side). */
  handlesOrder: boolean;
}

/** What must come with an action. */
export type ActionInputKind =
  'reason' | 'result' | 'satisfaction' | 'masterId' | 'outageId' | 'body';

/** Directives for the SLA clocks; `start` (re)starts a step's clock from the action's time. */
export interface ClockDirectives {
  stop: readonly SlaStep[] | 'all';
  start: readonly SlaStep[];
  pause?: boolean;
  resume?: boolean;
}

export interface Outcome {
  to: OrderState;
  clocks: ClockDirectives;
  addFlags: OrderFlag[];
  removeFlags: OrderFlag[];
}

interface Rule {
  /** States in which the action is possible; a function for state-dependent cases. */
  from: (o: MachineOrder) => boolean;
  /** Whether this actor may take it (given the order). */
  who: (a: MachineActor, o: MachineOrder) => boolean;
  needs: readonly ActionInputKind[];
  outcome: (o: MachineOrder) => Outcome;
}

const has = (a: MachineActor, p: Permission) => a.permissions.has(p);
/** The unit holding the order acts on it. */
const handler = (a: MachineActor) => a.handlesOrder && has(a, 'order.handle');
const inStates =
  (...states: OrderState[]) =>
  (o: MachineOrder) =>
    states.includes(o.state);
/** Still in the loop: not finished, not merged into another order. */
const open = (o: MachineOrder) => !['archived', 'terminated', 'merged'].includes(o.state);
/** Being worked by the unit (suspension may be asked for here). */
const WORKING: OrderState[] = ['handling', 'on_site', 'repaired'];

const stay =
  (
    clocks: Partial<ClockDirectives> = {},
    flags: Partial<Pick<Outcome, 'addFlags' | 'removeFlags'>> = {},
  ) =>
  (o: MachineOrder): Outcome => ({
    to: o.state,
    clocks: { stop: clocks.stop ?? [], start: clocks.start ?? [], ...clocks },
    addFlags: flags.addFlags ?? [],
    removeFlags: flags.removeFlags ?? [],
  });
/**
 * A move to another state. Leaving the unit's hands (sent back, reassigned, returned, closed,
 * merged) drops a pending suspension request: it was the old holder's, and nobody should approve
 * it for the next one.
 */
const goTo =
  (to: OrderState | ((o: MachineOrder) => OrderState), clocks: Partial<ClockDirectives> = {}) =>
  (o: MachineOrder): Outcome => {
    const target = typeof to === 'function' ? to(o) : to;
    const keepsRequest = WORKING.includes(target) && WORKING.includes(o.state);
    return {
      to: target,
      clocks: { stop: clocks.stop ?? [], start: clocks.start ?? [], ...clocks },
      addFlags: [],
      removeFlags: o.suspensionRequested && !keepsRequest ? ['suspension_requested'] : [],
    };
  };

/** The clocks a handler's work runs against; all stop when the unit returns the order. */
const HANDLER_CLOCKS: SlaStep[] = [
  'total',
  'acknowledge',
  'first_contact',
  'arrive',
  'repair',
  'return',
];

/** The clocks of the repair itself, which the outage's crew runs instead of a linked order's. */
const OUTAGE_HELD_CLOCKS: SlaStep[] = ['dispatch', 'acknowledge', 'arrive', 'repair', 'return'];

const RULES: Record<OrderAction, Rule> = {
  dispatch: {
    from: inStates('accepted'),
    who: (a) => has(a, 'order.dispatch') && has(a, 'order.create'),
    needs: [],
    outcome: goTo('dispatched', { stop: ['dispatch'], start: ['acknowledge'] }),
  },
  acknowledge: {
    from: inStates('dispatched'),
    who: handler,
    needs: [],
    outcome: goTo('handling', { stop: ['acknowledge'] }),
  },
  send_back: {
    from: inStates('dispatched', 'handling'),
    who: handler,
    needs: ['reason'],
    outcome: goTo('accepted', { stop: ['acknowledge'], start: ['dispatch'] }),
  },
  contact: {
    from: inStates('handling', 'on_site', 'repaired'),
    who: handler,
    needs: ['body'],
    outcome: stay({ stop: ['first_contact'] }),
  },
  arrive: {
    from: (o) => o.isFault && o.state === 'handling',
    who: handler,
    needs: [],
    outcome: goTo('on_site', { stop: ['arrive'], start: ['repair'] }),
  },
  repaired: {
    from: (o) => o.isFault && o.state === 'on_site',
    who: handler,
    needs: ['result'],
    outcome: goTo('repaired', { stop: ['repair'], start: ['return'] }),
  },
  return: {
    from: (o) => (o.isFault ? o.state === 'repaired' : o.state === 'handling'),
    who: handler,
    needs: ['result'],
    outcome: goTo('returned', { stop: HANDLER_CLOCKS, start: ['review'] }),
  },
  review_pass: {
    from: inStates('returned'),
    who: (a) => has(a, 'order.review'),
    needs: [],
    outcome: (o) =>
      goTo('reviewed', { stop: ['review'], start: o.callbackRequired ? ['callback'] : [] })(o),
  },
  review_reject: {
    from: inStates('returned'),
    who: (a) => has(a, 'order.review'),
    needs: ['reason'],
    // A rejected report goes back to where it was written: a fault order to 抢修完成 (the crew
    // rewrites the 回单, it does not arrive again), any other to 处理中; the return clock restarts.
    outcome: goTo((o) => (o.isFault ? 'repaired' : 'handling'), {
      stop: ['review'],
      start: ['return'],
    }),
  },
  callback: {
    from: (o) => o.state === 'reviewed' && o.callbackRequired,
    who: (a) => has(a, 'order.review'),
    needs: ['satisfaction'],
    outcome: goTo('called_back', { stop: ['callback'] }),
  },
  archive: {
    from: (o) => o.state === 'called_back' || (o.state === 'reviewed' && !o.callbackRequired),
    who: (a) => has(a, 'order.review'),
    needs: [],
    outcome: goTo('archived', { stop: 'all' }),
  },
  reassign: {
    from: inStates('dispatched', 'handling'),
    who: (a) => has(a, 'order.supervise') || (has(a, 'order.dispatch') && handler(a)),
    needs: ['reason'],
    outcome: goTo('dispatched', { stop: [], start: ['acknowledge'] }),
  },
  request_suspension: {
    from: (o) => WORKING.includes(o.state) && !o.suspensionRequested,
    who: handler,
    needs: ['reason'],
    outcome: stay({}, { addFlags: ['suspension_requested'] }),
  },
  approve_suspension: {
    from: (o) => WORKING.includes(o.state) && o.suspensionRequested,
    who: (a) => has(a, 'order.supervise'),
    needs: [],
    outcome: () => ({
      to: 'suspended',
      clocks: { stop: [], start: [], pause: true },
      addFlags: [],
      removeFlags: ['suspension_requested'],
    }),
  },
  reject_suspension: {
    from: (o) => WORKING.includes(o.state) && o.suspensionRequested,
    who: (a) => has(a, 'order.supervise'),
    needs: ['reason'],
    outcome: stay({}, { removeFlags: ['suspension_requested'] }),
  },
  resume: {
    from: inStates('suspended'),
    who: (a) => has(a, 'order.supervise') || handler(a),
    needs: [],
    outcome: goTo((o) => o.suspendedFrom ?? 'handling', { resume: true }),
  },
  urge: {
    from: (o) => open(o) && o.state !== 'called_back',
    who: (a) => has(a, 'order.create'),
    needs: ['body'],
    outcome: stay(),
  },
  supervise: {
    from: open,
    who: (a) => has(a, 'order.supervise'),
    needs: ['reason'],
    outcome: stay({ stop: ['escalation'] }, { addFlags: ['supervised'] }),
  },
  reopen: {
    from: inStates('called_back', 'archived'),
    who: (a) => has(a, 'order.supervise'),
    needs: ['reason'],
    outcome: goTo('handling', { stop: 'all', start: ['total'] }),
  },
  terminate: {
    from: (o) => open(o),
    who: (a) => has(a, 'order.supervise'),
    needs: ['reason'],
    outcome: goTo('terminated', { stop: 'all' }),
  },
  merge: {
    from: (o) => inStates('accepted', 'dispatched', 'handling')(o) && !o.isMaster,
    who: (a) => has(a, 'order.create'),
    needs: ['masterId'],
    outcome: goTo('merged', { stop: 'all' }),
  },
  // A fault inside a known outage is answered by the outage: its crew restores the power, so
  // the order's own dispatch and repair clocks stop; it stays open until the outage is restored.
  link_outage: {
    from: (o) => o.isFault && inStates('accepted', 'dispatched', 'handling')(o),
    who: (a) => has(a, 'order.dispatch') || has(a, 'outage.manage'),
    needs: ['outageId'],
    outcome: goTo('linked', { stop: OUTAGE_HELD_CLOCKS }),
  },
  // Not the outage after all (the neighbours have power): dispatched on its own again.
  unlink_outage: {
    from: inStates('linked'),
    who: (a) => has(a, 'order.dispatch') || has(a, 'outage.manage'),
    needs: ['reason'],
    outcome: goTo('accepted', { start: ['dispatch', 'arrive'] }),
  },
  reply: {
    from: (o) => o.state !== 'merged',
    who: (a) => has(a, 'order.create') || handler(a),
    needs: ['body'],
    outcome: stay(),
  },
  note: {
    from: () => true,
    who: (a) =>
      has(a, 'order.create') || has(a, 'order.review') || has(a, 'order.supervise') || handler(a),
    needs: ['body'],
    outcome: stay(),
  },
};

/**
 * Power is back (停电恢复): a linked order is returned with the outage's restoration and its review
 * is the outage's; what is left is the callback, if the type needs one. Not an action anyone
 * takes on the order: the outage's restoration applies it to all its linked orders.
 */
export function outageRestoredOutcome(o: MachineOrder): Outcome {
  return {
    to: 'reviewed',
    clocks: {
      stop: [...HANDLER_CLOCKS, 'dispatch', 'review'],
      start: o.callbackRequired ? ['callback'] : [],
    },
    addFlags: [],
    removeFlags: o.suspensionRequested ? ['suspension_requested'] : [],
  };
}

/** Whether the action is possible in the order's state, for anyone. */
export function actionFitsState(order: MachineOrder, action: OrderAction): boolean {
  return RULES[action].from(order);
}

/** Whether this actor may take this action on this order now. */
export function mayTake(order: MachineOrder, actor: MachineActor, action: OrderAction): boolean {
  const rule = RULES[action];
  return rule.from(order) && rule.who(actor, order);
}

/** The actions this actor may take on this order now, in the order of ORDER_ACTIONS. */
export function allowedActions(order: MachineOrder, actor: MachineActor): OrderAction[] {
  return (Object.keys(RULES) as OrderAction[]).filter((a) => mayTake(order, actor, a));
}

/** What the action needs as input. */
export function inputsOf(action: OrderAction): readonly ActionInputKind[] {
  return RULES[action].needs;
}

/** The outcome of an action; the caller has checked mayTake. */
export function outcomeOf(order: MachineOrder, action: OrderAction): Outcome {
  return RULES[action].outcome(order);
}
