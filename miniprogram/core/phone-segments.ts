/**
 * Number segment tables: the carrier each mainland segment and the operator each
 * Philippine prefix was issued to. Data, not code: update the rows when segments change.
 * Lookup is "longest prefix wins", so a 4-digit row overrides the 3-digit row it
 * refines (e.g. 0924 DITO inside 092x Smart).
 */
import type { CarrierId } from './types';

export interface MainlandSegment {
  prefix: string;
  carrier: CarrierId;
  /** Issued to virtual operators (MVNOs) that resell the host carrier's network. */
  virtual: boolean;
}

/**
 * Mainland mobile segments by the carrier they were issued to. Source: libphonenumber
 * resources/carrier/en/86.txt (release 9.0.35, July 2026) plus the segments it lacks
 * (1349, 149, 162, 165) from the project GUIDE's 2025 table. Which segments are valid
 * 11-digit mobiles follows libphonenumber's metadata (PhoneNumberMetadata.xml, CN
 * mobile pattern); test/core/phone-differential.test.ts holds the one exception (149).
 * 1700–1709 belong to virtual operators hosted by the carrier named; 1349 and
 * 17400–17405 are China Telecom's satellite ranges; 1610 is China Broadnet's
 * (86.txt names the whole of 161, the metadata validates only 1610).
 */
export const MAINLAND_SEGMENTS: readonly MainlandSegment[] = [
  { prefix: '130', carrier: 'cucc', virtual: false },
  { prefix: '131', carrier: 'cucc', virtual: false },
  { prefix: '132', carrier: 'cucc', virtual: false },
  { prefix: '133', carrier: 'ctcc', virtual: false },
  { prefix: '1340', carrier: 'cmcc', virtual: false },
  { prefix: '1341', carrier: 'cmcc', virtual: false },
  { prefix: '1342', carrier: 'cmcc', virtual: false },
  { prefix: '1343', carrier: 'cmcc', virtual: false },
  { prefix: '1344', carrier: 'cmcc', virtual: false },
  { prefix: '1345', carrier: 'cmcc', virtual: false },
  { prefix: '1346', carrier: 'cmcc', virtual: false },
  { prefix: '1347', carrier: 'cmcc', virtual: false },
  { prefix: '1348', carrier: 'cmcc', virtual: false },
  { prefix: '1349', carrier: 'ctcc', virtual: false },
  { prefix: '135', carrier: 'cmcc', virtual: false },
  { prefix: '136', carrier: 'cmcc', virtual: false },
  { prefix: '137', carrier: 'cmcc', virtual: false },
  { prefix: '138', carrier: 'cmcc', virtual: false },
  { prefix: '139', carrier: 'cmcc', virtual: false },
  { prefix: '145', carrier: 'cucc', virtual: false },
  { prefix: '147', carrier: 'cmcc', virtual: false },
  { prefix: '149', carrier: 'ctcc', virtual: false },
  { prefix: '150', carrier: 'cmcc', virtual: false },
  { prefix: '151', carrier: 'cmcc', virtual: false },
  { prefix: '152', carrier: 'cmcc', virtual: false },
  { prefix: '153', carrier: 'ctcc', virtual: false },
  { prefix: '155', carrier: 'cucc', virtual: false },
  { prefix: '156', carrier: 'cucc', virtual: false },
  { prefix: '157', carrier: 'cmcc', virtual: false },
  { prefix: '158', carrier: 'cmcc', virtual: false },
  { prefix: '159', carrier: 'cmcc', virtual: false },
  { prefix: '1610', carrier: 'cbn', virtual: false },
  { prefix: '162', carrier: 'ctcc', virtual: true },
  { prefix: '165', carrier: 'cmcc', virtual: true },
  { prefix: '166', carrier: 'cucc', virtual: false },
  { prefix: '167', carrier: 'cucc', virtual: true },
  { prefix: '1700', carrier: 'ctcc', virtual: true },
  { prefix: '1701', carrier: 'ctcc', virtual: true },
  { prefix: '1702', carrier: 'ctcc', virtual: true },
  { prefix: '1703', carrier: 'cmcc', virtual: true },
  { prefix: '1704', carrier: 'cucc', virtual: true },
  { prefix: '1705', carrier: 'cmcc', virtual: true },
  { prefix: '1706', carrier: 'cmcc', virtual: true },
  { prefix: '1707', carrier: 'cucc', virtual: true },
  { prefix: '1708', carrier: 'cucc', virtual: true },
  { prefix: '1709', carrier: 'cucc', virtual: true },
  { prefix: '171', carrier: 'cucc', virtual: true },
  { prefix: '172', carrier: 'cmcc', virtual: false },
  { prefix: '173', carrier: 'ctcc', virtual: false },
  { prefix: '17400', carrier: 'ctcc', virtual: false },
  { prefix: '17401', carrier: 'ctcc', virtual: false },
  { prefix: '17402', carrier: 'ctcc', virtual: false },
  { prefix: '17403', carrier: 'ctcc', virtual: false },
  { prefix: '17404', carrier: 'ctcc', virtual: false },
  { prefix: '17405', carrier: 'ctcc', virtual: false },
  { prefix: '175', carrier: 'cucc', virtual: false },
  { prefix: '176', carrier: 'cucc', virtual: false },
  { prefix: '177', carrier: 'ctcc', virtual: false },
  { prefix: '178', carrier: 'cmcc', virtual: false },
  { prefix: '180', carrier: 'ctcc', virtual: false },
  { prefix: '181', carrier: 'ctcc', virtual: false },
  { prefix: '182', carrier: 'cmcc', virtual: false },
  { prefix: '183', carrier: 'cmcc', virtual: false },
  { prefix: '184', carrier: 'cmcc', virtual: false },
  { prefix: '185', carrier: 'cucc', virtual: false },
  { prefix: '186', carrier: 'cucc', virtual: false },
  { prefix: '187', carrier: 'cmcc', virtual: false },
  { prefix: '188', carrier: 'cmcc', virtual: false },
  { prefix: '189', carrier: 'ctcc', virtual: false },
  { prefix: '190', carrier: 'ctcc', virtual: false },
  { prefix: '191', carrier: 'ctcc', virtual: false },
  { prefix: '192', carrier: 'cbn', virtual: false },
  { prefix: '193', carrier: 'ctcc', virtual: false },
  { prefix: '195', carrier: 'cmcc', virtual: false },
  { prefix: '196', carrier: 'cucc', virtual: false },
  { prefix: '197', carrier: 'cmcc', virtual: false },
  { prefix: '198', carrier: 'cmcc', virtual: false },
  { prefix: '199', carrier: 'ctcc', virtual: false },
];

/**
 * Mainland ranges of 13-digit numbers for machine-to-machine (物联网) SIMs in watches,
 * cars and meters: not phone numbers, so they are refused with their own message
 * rather than as an unknown segment. libphonenumber validates none of them as a
 * mobile number; 146 and 148 were wrongly taken for 11-digit phones here before, and
 * 1410 and 1440 are listed beside them in the published 13-digit allocations.
 */
export const MAINLAND_IOT_PREFIXES: readonly string[] = ['1410', '1440', '146', '148'];

export type PhilippineOperator = 'Smart' | 'Globe' | 'DITO';

export interface PhilippineSegment {
  /** National prefix including the trunk 0. */
  prefix: string;
  operator: PhilippineOperator;
}

/**
 * Philippine mobile prefixes by the operator they were issued to (Smart includes TNT
 * and the former Sun ranges; Globe includes TM). Operators: libphonenumber
 * resources/carrier/en/63.txt (release 9.0.35, July 2026; it gives 0992 to DITO).
 * Which prefixes are valid mobiles follows libphonenumber's metadata (PH mobile
 * pattern), so 089 is only 0895–0898 and 094 lacks 0940 and 0941, though 63.txt names
 * the whole of 089 and 094. Valid in the metadata but missing from 63.txt, and taken
 * from the operators' published prefix lists: 0973 and 0974 (Sun's, now Smart's),
 * 0817 and 0979 (Globe), 0989 (Smart). 0913 is from Smart's published list alone: the
 * metadata has never had it (the one exception in test/core/phone-differential.test.ts).
 * Since mobile number portability (2021) a prefix shows only the original operator.
 */
export const PHILIPPINE_PREFIXES: readonly PhilippineSegment[] = [
  { prefix: '0813', operator: 'Smart' },
  { prefix: '0817', operator: 'Globe' },
  { prefix: '0895', operator: 'DITO' },
  { prefix: '0896', operator: 'DITO' },
  { prefix: '0897', operator: 'DITO' },
  { prefix: '0898', operator: 'DITO' },
  { prefix: '0905', operator: 'Globe' },
  { prefix: '0906', operator: 'Globe' },
  { prefix: '0907', operator: 'Smart' },
  { prefix: '0908', operator: 'Smart' },
  { prefix: '0909', operator: 'Smart' },
  { prefix: '0910', operator: 'Smart' },
  { prefix: '0911', operator: 'Smart' },
  { prefix: '0912', operator: 'Smart' },
  { prefix: '0913', operator: 'Smart' },
  { prefix: '0914', operator: 'Globe' },
  { prefix: '0915', operator: 'Globe' },
  { prefix: '0916', operator: 'Globe' },
  { prefix: '0917', operator: 'Globe' },
  { prefix: '0918', operator: 'Smart' },
  { prefix: '0919', operator: 'Smart' },
  { prefix: '092', operator: 'Smart' },
  { prefix: '0924', operator: 'DITO' },
  { prefix: '0926', operator: 'Globe' },
  { prefix: '0927', operator: 'Globe' },
  { prefix: '093', operator: 'Smart' },
  { prefix: '0934', operator: 'DITO' },
  { prefix: '0935', operator: 'Globe' },
  { prefix: '0936', operator: 'Globe' },
  { prefix: '0937', operator: 'Globe' },
  { prefix: '0942', operator: 'Smart' },
  { prefix: '0943', operator: 'Smart' },
  { prefix: '0944', operator: 'DITO' },
  { prefix: '0945', operator: 'Globe' },
  { prefix: '0946', operator: 'Smart' },
  { prefix: '0947', operator: 'Smart' },
  { prefix: '0948', operator: 'Smart' },
  { prefix: '0949', operator: 'Smart' },
  { prefix: '095', operator: 'Globe' },
  { prefix: '0950', operator: 'Smart' },
  { prefix: '0951', operator: 'Smart' },
  { prefix: '0958', operator: 'Smart' },
  { prefix: '096', operator: 'Smart' },
  { prefix: '0965', operator: 'Globe' },
  { prefix: '0966', operator: 'Globe' },
  { prefix: '0967', operator: 'Globe' },
  { prefix: '0970', operator: 'Smart' },
  { prefix: '0971', operator: 'Globe' },
  { prefix: '0972', operator: 'Globe' },
  { prefix: '0973', operator: 'Smart' },
  { prefix: '0974', operator: 'Smart' },
  { prefix: '0975', operator: 'Globe' },
  { prefix: '0976', operator: 'Globe' },
  { prefix: '0977', operator: 'Globe' },
  { prefix: '0978', operator: 'Globe' },
  { prefix: '0979', operator: 'Globe' },
  { prefix: '0981', operator: 'Smart' },
  { prefix: '0983', operator: 'Globe' },
  { prefix: '0985', operator: 'Smart' },
  { prefix: '0986', operator: 'Globe' },
  { prefix: '0987', operator: 'Globe' },
  { prefix: '0988', operator: 'Smart' },
  { prefix: '0989', operator: 'Smart' },
  { prefix: '0991', operator: 'DITO' },
  { prefix: '0992', operator: 'DITO' },
  { prefix: '0993', operator: 'DITO' },
  { prefix: '0994', operator: 'DITO' },
  { prefix: '0995', operator: 'Globe' },
  { prefix: '0996', operator: 'Globe' },
  { prefix: '0997', operator: 'Globe' },
  { prefix: '0998', operator: 'Smart' },
  { prefix: '0999', operator: 'Smart' },
];
