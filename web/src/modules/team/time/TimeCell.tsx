import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { TextInput, Tooltip } from '@mantine/core';
import { formatDuration, parseDuration } from './duration';

export interface CellPosition {
  row: number;
  col: number;
}

interface Props {
  position: CellPosition;
  label: string;
  minutes: number;
  /** More than one entry behind the cell (a ticket's time, say): the grid cannot tell which to change. */
  locked: boolean;
  onSave: (minutes: number) => Promise<unknown>;
  onMove: (from: CellPosition, by: { row: number; col: number }) => void;
}

const MOVES: Record<string, { row: number; col: number }> = {
  ArrowUp: { row: -1, col: 0 },
  ArrowDown: { row: 1, col: 0 },
  ArrowLeft: { row: 0, col: -1 },
  ArrowRight: { row: 0, col: 1 },
  Enter: { row: 1, col: 0 },
};

/**
 * One day of one row: typed as 1:30, 1.5 or 90m, saved when the cell is left (Enter leaves it
 * downwards, so it saves too). An empty cell removes the entry.
 */
export function TimeCell({ position, label, minutes, locked, onSave, onMove }: Props) {
  const [draft, setDraft] = useState(formatDuration(minutes));
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  // The text last sent (or loaded): Enter saves and then leaves the cell, and leaving must not
  // send the same figure again before the week has been read back.
  const sent = useRef(formatDuration(minutes));

  // The saved figure wins whenever the user is not typing in this cell.
  useEffect(() => {
    sent.current = formatDuration(minutes);
    if (!focused.current) setDraft(formatDuration(minutes));
  }, [minutes]);

  const save = async () => {
    if (locked || draft === sent.current) return;
    const parsed = parseDuration(draft);
    if (parsed === null) return setError('Type 1:30, 1.5 or 90m');
    if (parsed > 24 * 60) return setError('At most 24:00 a day');
    setError(null);
    sent.current = draft;
    if (parsed === minutes) return;
    try {
      await onSave(parsed);
    } catch (e) {
      sent.current = formatDuration(minutes);
      setError(e instanceof Error ? e.message : 'Not saved');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    if (event.key === 'Enter') void save();
    onMove(position, move);
  };

  const input = (
    <TextInput
      aria-label={label}
      data-cell={`${position.row}:${position.col}`}
      value={draft}
      readOnly={locked}
      error={error ? true : undefined}
      title={error ?? undefined}
      size="xs"
      w={64}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onFocus={(e) => {
        focused.current = true;
        e.currentTarget.select();
      }}
      onBlur={() => {
        focused.current = false;
        void save();
      }}
      onKeyDown={onKeyDown}
    />
  );
  return (
    <Tooltip
      label={error ?? 'Several entries on this day: change them where they were logged'}
      disabled={!error && !locked}
      opened={error ? true : undefined}
      color={error ? 'red' : undefined}
      position="bottom"
    >
      {input}
    </Tooltip>
  );
}
