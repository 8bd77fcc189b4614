/**
 * The name rotations of migration 0040, computed without JSON: 0040's triggers parsed the name
 * as a JSON array once per word, which made an import of 160,000 appointments about three times
 * slower. Each rotation is a substring of the name written twice ("ayse sukran" + " " +
 * "ayse sukran"), starting at a word: the first letter, or a letter after a space. The word
 * starts are found with a fixed table of positions (1..512; a folded name is far shorter).
 * Rows are removed by their primary key (the old name's rotations), so the secondary index on
 * randevu_no goes; so do 0020's search_name/search_last indexes, which no query uses any more.
 * (Appointments are written by upsert, never INSERT OR REPLACE, so the insert trigger only adds.)
 */
export const version = 50;

/** Every rotation of the words of `name`, as rows of one column `key`. */
const rotations = (name: string) => `
  SELECT substr(${name} || ' ' || ${name}, p.pos, length(${name})) AS key
  FROM appointment_search_pos p
  WHERE p.pos <= length(${name}) AND (p.pos = 1 OR substr(${name}, p.pos - 1, 1) = ' ')`;
const fill = (name: string, no: string) => `
  INSERT OR IGNORE INTO appointment_search (key, randevu_no) SELECT r.key, ${no} FROM (${rotations(name)}) r;`;
const remove = (name: string, no: string) => `
  DELETE FROM appointment_search WHERE randevu_no = ${no} AND key IN (${rotations(name)});`;

export const sql = `
CREATE TABLE appointment_search_pos (pos INTEGER PRIMARY KEY) STRICT;
WITH RECURSIVE n(pos) AS (SELECT 1 UNION ALL SELECT pos + 1 FROM n WHERE pos < 512)
INSERT INTO appointment_search_pos (pos) SELECT pos FROM n;

DROP TRIGGER appointments_search_insert;
DROP TRIGGER appointments_search_update;
DROP TRIGGER appointments_search_delete;
DROP INDEX appointment_search_no;
DROP INDEX appointments_name;
DROP INDEX appointments_last;
CREATE TRIGGER appointments_search_insert AFTER INSERT ON appointments BEGIN
  ${fill('new.search_name', 'new.randevu_no')}
END;
CREATE TRIGGER appointments_search_update AFTER UPDATE OF search_name ON appointments
WHEN new.search_name IS NOT old.search_name BEGIN
  ${remove('old.search_name', 'old.randevu_no')}
  ${fill('new.search_name', 'new.randevu_no')}
END;
CREATE TRIGGER appointments_search_delete AFTER DELETE ON appointments BEGIN
  ${remove('old.search_name', 'old.randevu_no')}
END;
`;
