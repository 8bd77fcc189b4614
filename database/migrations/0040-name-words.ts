/**
 * Finding a mother by any word of her name: "Ayşe Şükran Yılmaz" is found by "şükran" as well
 * as by "ayşe" and "yılmaz". `appointment_search` holds every rotation of the folded name's
 * words ("ayse sukran yilmaz", "sukran yilmaz ayse", "yilmaz ayse sukran"), so a query is one
 * prefix range scan of its primary key whichever word it starts with ("sukran yil" too).
 *
 * It is derived from `appointments.search_name` by triggers, not a state table: the ledger
 * never writes it, replay rebuilds it with the appointments, and erasing a name (search_name
 * '') removes its rows.
 */
export const version = 40;

// The words of a folded name as a JSON array: json_quote escapes the name, a space never
// appears inside an escape, so each space becomes a string boundary.
const words = (col: string) => `json_each('[' || replace(json_quote(${col}), ' ', '","') || ']')`;
// For the word at index w.key: the name starting at that word, then the words before it.
const fill = (col: string, no: string) => `
  INSERT OR IGNORE INTO appointment_search (key, randevu_no)
  SELECT CASE WHEN r.off = 0 THEN ${col} ELSE substr(${col}, r.off + 1) || ' ' || substr(${col}, 1, r.off - 1) END, ${no}
  FROM (
    SELECT w.value AS value,
           (SELECT coalesce(sum(length(p.value) + 1), 0) FROM ${words(col)} p WHERE p.key < w.key) AS off
    FROM ${words(col)} w
  ) r
  WHERE r.value <> '';`;

export const sql = `
CREATE TABLE appointment_search (
  key        TEXT NOT NULL,
  randevu_no TEXT NOT NULL,
  PRIMARY KEY (key, randevu_no)
) STRICT, WITHOUT ROWID;
CREATE INDEX appointment_search_no ON appointment_search(randevu_no);

CREATE TRIGGER appointments_search_insert AFTER INSERT ON appointments BEGIN
  DELETE FROM appointment_search WHERE randevu_no = new.randevu_no;
  ${fill('new.search_name', 'new.randevu_no')}
END;
CREATE TRIGGER appointments_search_update AFTER UPDATE OF search_name ON appointments
WHEN new.search_name IS NOT old.search_name BEGIN
  DELETE FROM appointment_search WHERE randevu_no = old.randevu_no;
  ${fill('new.search_name', 'new.randevu_no')}
END;
CREATE TRIGGER appointments_search_delete AFTER DELETE ON appointments BEGIN
  DELETE FROM appointment_search WHERE randevu_no = old.randevu_no;
END;

INSERT OR IGNORE INTO appointment_search (key, randevu_no)
SELECT CASE WHEN r.off = 0 THEN r.name ELSE substr(r.name, r.off + 1) || ' ' || substr(r.name, 1, r.off - 1) END, r.no
FROM (
  SELECT a.search_name AS name, a.randevu_no AS no, w.value AS value,
         (SELECT coalesce(sum(length(p.value) + 1), 0) FROM ${words('a.search_name')} p WHERE p.key < w.key) AS off
  FROM appointments a, ${words('a.search_name')} w
) r
WHERE r.value <> '';
`;
