/**
 * Which call is on the agent's desk: the one ringing or answered by her, pushed by the server
 * (SSE) the moment the PBX reports it; after a reload, her current call, or else her latest
 * answered call still waiting for its wrap-up. A call stays on the desk after the hang-up until
 * it is wrapped up or the next call rings.
 */
import { useEffect, useState } from 'react';
import { useContactLive, useMyAgent, useUnwrappedCalls } from '../../../api/contact.ts';

export interface DeskCall {
  /** Our id of the call on the desk, or null when the desk is idle. */
  callId: string | null;
  /** When the ring reached this browser (for the "pop within the ring" figure). */
  rangAt: number | null;
  /** Put a call on the desk by hand (from the 待小结 list), or clear it. */
  show: (callId: string | null) => void;
}

export function useDeskCall(): DeskCall {
  const me = useMyAgent();
  const unwrapped = useUnwrappedCalls();
  const [callId, setCallId] = useState<string | null>(null);
  const [rangAt, setRangAt] = useState<number | null>(null);
  const [chosenByHand, setChosenByHand] = useState(false);

  useContactLive((e) => {
    if (e.kind !== 'call' || !e.id) return;
    // A call that rang several agents and was taken by another leaves this desk.
    const takenByOther = e.event === 'answer' && e.agentId && e.agentId !== me.data?.id;
    if (takenByOther) {
      if (e.id === callId) setCallId(null);
      return;
    }
    // A new ring or an answer for this agent takes the desk: the caller is on the line now.
    if (e.event === 'newCall' || e.event === 'answer') {
      if (e.id !== callId) {
        setCallId(e.id);
        setRangAt(performance.now());
        setChosenByHand(false);
      }
    }
  });

  // After a reload (or a missed push): the current call, else the latest call to wrap up.
  const current = me.data?.currentCall?.id ?? null;
  const latestUnwrapped = unwrapped.data?.items[0]?.id ?? null;
  useEffect(() => {
    if (callId || chosenByHand) return;
    const next = current ?? latestUnwrapped;
    if (next) setCallId(next);
  }, [callId, chosenByHand, current, latestUnwrapped]);

  return {
    callId,
    rangAt,
    show: (id) => {
      setCallId(id);
      setRangAt(null);
      setChosenByHand(true);
    },
  };
}
