package io.sanctionsmonitor.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.provisions.ProvisionMatch;
import java.util.List;

/**
 * A finding as the API serves it: the stored finding's fields, plus the UN Security Council provisions it may
 * breach. Provisions are derived when read, so a change to the provisions file applies to every stored finding.
 */
record FindingView(@JsonUnwrapped Finding finding, List<ProvisionMatch> provisions) {}
