import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldForSearch } from '../../../preload/contract/turkishFold';

/**
 * Mantine's default Select filter lower-cases without a locale, so "izmir" never finds
 * "İzmir" ("İ".toLowerCase() is "i̇"). This one folds both sides the Turkish way and matches
 * any word start or the code: "izmir", "IZMIR", "35" all find "35 İzmir".
 */
export const turkishFilter: OptionsFilter = ({ options, search }) => {
  const q = foldForSearch(search);
  if (!q) return options;
  const matches = (item: ComboboxItem) => {
    const label = foldForSearch(item.label);
    return label.startsWith(q) || label.includes(` ${q}`) || item.value === q;
  };
  return options.filter((o: ComboboxParsedItem) => ('group' in o ? true : matches(o)));
};
