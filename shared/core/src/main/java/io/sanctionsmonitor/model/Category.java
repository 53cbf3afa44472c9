package io.sanctionsmonitor.model;

/** What kind of sanctions-relevant activity a finding reports (see the annotation guidelines). */
public enum Category {
    ARMS_TRANSFER,
    MUNITIONS_TRANSFER,
    MILITARY_PERSONNEL,
    MILITARY_TECHNOLOGY,
    PETROLEUM_TRANSFER,
    OVERSEAS_LABOR,
    FINANCIAL,
    MARITIME_EVASION,
    CYBER_THEFT,
    LUXURY_GOODS,
    OTHER_SANCTIONS_EVASION
}
