import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef } from 'react';

/**
 * F2 or Ctrl+K puts the cursor in the find box from anywhere (also inside other inputs). On a
 * screen without the box, `showBox` brings it back (e.g. switches to "Bugün") and the box gets
 * the focus as soon as it is rendered.
 */
export function useFindHotkey<T extends HTMLInputElement>(showBox?: () => void) {
  const ref = useRef<T>(null);
  const pending = useRef(false);
  const show = useRef(showBox);
  show.current = showBox;
  const focus = () => {
    if (ref.current) {
      ref.current.focus();
      ref.current.select();
    } else {
      pending.current = true;
      show.current?.();
    }
  };
  useHotkeys(
    [
      ['F2', focus],
      ['mod+K', focus],
    ],
    [],
    true,
  );
  // Runs after every render of the owner: the box asked for has been mounted by now.
  useEffect(() => {
    if (pending.current && ref.current) {
      pending.current = false;
      ref.current.focus();
      ref.current.select();
    }
  });
  return ref;
}
