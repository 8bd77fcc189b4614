import { useHotkeys } from '@mantine/hooks';
import { useRef } from 'react';

/** F2 or Ctrl+K puts the cursor in the find box from anywhere (also inside other inputs). */
export function useFindHotkey<T extends HTMLInputElement>() {
  const ref = useRef<T>(null);
  const focus = () => {
    ref.current?.focus();
    ref.current?.select();
  };
  useHotkeys(
    [
      ['F2', focus],
      ['mod+K', focus],
    ],
    [],
    true,
  );
  return ref;
}
