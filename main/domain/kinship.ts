/**
 * Kinship degrees of a caregiver to the child's parents (Turkish civil-law counting as the
 * programme uses it): 1st parents and children; 2nd siblings, grandparents, grandchildren;
 * 3rd uncles and aunts (amca, hala, dayı, teyze) and nephews/nieces (yeğen).
 */
export const RELATION_DEGREE: Record<string, number | null> = {
  YOK: null,
  ANNE: 1,
  BABA: 1,
  COCUK: 1,
  KARDES: 2,
  BUYUKANNE: 2,
  BUYUKBABA: 2,
  TORUN: 2,
  AMCA: 3,
  HALA: 3,
  DAYI: 3,
  TEYZE: 3,
  YEGEN: 3,
  KUZEN: 4,
  DIGER: null,
};

export function kinshipDegree(relation: string): number | null {
  return RELATION_DEGREE[relation] ?? null;
}

/**
 * The programme's rule: no first-degree kinship at all; if the caregiver lives in the same
 * home, none up to and including the third degree.
 */
export function kinshipAllowed(relation: string, livesInSameHome: boolean, limits = { liveOut: 1, liveIn: 3 }): boolean {
  const degree = kinshipDegree(relation);
  if (degree === null) return true;
  return degree > (livesInSameHome ? limits.liveIn : limits.liveOut);
}
