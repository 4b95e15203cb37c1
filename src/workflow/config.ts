/**
 * Campaign configuration: the deadlines.
 * @module
 */

/** The deadlines of a campaign, as calendar dates `YYYY-MM-DD` (inclusive: "by 15 May"). */
export interface CampaignDeadlines {
  /**
   * By this date every case the police verified must be updated on the vaccination platform
   * (2022: 15 May).
   */
  readonly platformSync: string;
  /** By this date every open case must have a police outcome (2022: 1 June). */
  readonly verification: string;
}

/** Campaign configuration. */
export interface CampaignConfig {
  readonly deadlines: CampaignDeadlines;
}

/**
 * The 2022 campaign of Công văn 2262/BYT-CNTT: platform synced by 2022-05-15, verification by
 * 2022-06-01.
 *
 * @example
 * ```ts
 * DEFAULT_CAMPAIGN_CONFIG.deadlines.verification; // '2022-06-01'
 * ```
 */
export const DEFAULT_CAMPAIGN_CONFIG: CampaignConfig = {
  deadlines: { platformSync: '2022-05-15', verification: '2022-06-01' },
};

/**
 * Builds a configuration from partial deadlines, filling in the 2022 defaults.
 *
 * @example
 * ```ts
 * campaignConfig({ verification: '2022-06-15' }).deadlines.platformSync; // '2022-05-15'
 * ```
 */
export function campaignConfig(deadlines: Partial<CampaignDeadlines> = {}): CampaignConfig {
  return { deadlines: { ...DEFAULT_CAMPAIGN_CONFIG.deadlines, ...deadlines } };
}
