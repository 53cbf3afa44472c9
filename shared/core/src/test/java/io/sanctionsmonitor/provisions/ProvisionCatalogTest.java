package io.sanctionsmonitor.provisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisionCatalogTest {

    private final ProvisionCatalog catalog = ProvisionCatalog.standard();

    private static Finding finding(Category category, String from, String to, List<String> items, Quantity quantity,
                                   String period) {
        return new Finding(null, null, category, from, to, items, null, quantity, period, List.of(), Certainty.REPORTED,
                "A made-up sentence.", 0, 20, List.of());
    }

    private static List<String> cited(List<ProvisionMatch> matches) {
        return matches.stream().map(m -> m.resolution() + " para " + m.paragraph()).toList();
    }

    @Test
    void everyRowOfTheFileIsReadAndEveryCategoryIsCovered() {
        assertEquals(38, catalog.provisions().size());
        for (Category c : Category.values()) {
            assertTrue(catalog.provisions().stream().anyMatch(p -> p.category() == c), "no provision for " + c);
        }
    }

    @Test
    void armsToTheDprkCiteTheImportEmbargoAndArmsFromItTheExportBan() {
        var toPrk = cited(catalog.provisionsFor(finding(Category.ARMS_TRANSFER, "RUS", "PRK", List.of("Pantsir"), null, null)));
        assertEquals(List.of("1718 (2006) para 8(a)(i)", "1874 (2009) para 10"), toPrk);
        var fromPrk = cited(catalog.provisionsFor(finding(Category.MUNITIONS_TRANSFER, "PRK", "RUS", List.of("shells"), null, null)));
        assertEquals(List.of("1718 (2006) para 8(b)", "1874 (2009) para 9"), fromPrk);
    }

    @Test
    void refinedPetroleumIsComparedWithTheRefinedCapAndCrudeWithTheCrudeCap() {
        var refined = catalog.provisionsFor(finding(Category.PETROLEUM_TRANSFER, "RUS", "PRK",
                List.of("refined petroleum"), new Quantity(1_000_000, "barrels"), "2025"));
        assertEquals(List.of("2397 (2017) para 5"), cited(refined));
        assertEquals(2.0, refined.get(0).capRatio());
        assertEquals("period of one year", refined.get(0).capBasis());

        var crude = catalog.provisionsFor(finding(Category.PETROLEUM_TRANSFER, "RUS", "PRK",
                List.of("crude oil"), new Quantity(1_000_000, "barrels"), null));
        assertEquals(List.of("2397 (2017) para 4"), cited(crude));
        assertEquals(0.25, crude.get(0).capRatio());
        assertTrue(crude.get(0).capBasis().contains("no period stated"));
    }

    @Test
    void aShipToShipDeliveryAlsoCitesTheStsBan() {
        var sts = catalog.provisionsFor(finding(Category.PETROLEUM_TRANSFER, null, "PRK",
                List.of("diesel", "ship-to-ship transfer"), null, "2025-10-04"));
        assertEquals(List.of("2397 (2017) para 5", "2375 (2017) para 11"), cited(sts));
        assertNull(sts.get(0).capRatio(), "no quantity, no ratio");
    }

    @Test
    void aPeriodLongerThanAYearIsComparedWithTheCapOverAsManyMonths() {
        var twoYears = catalog.provisionsFor(finding(Category.PETROLEUM_TRANSFER, "RUS", "PRK",
                List.of("refined petroleum"), new Quantity(1_500_000, "barrels"), "2023/2024"));
        assertEquals(1.5, twoYears.get(0).capRatio());
        assertTrue(twoYears.get(0).capBasis().contains("24 months"));
    }

    @Test
    void aPeriodShorterThanAYearIsNotProratedAndSaysSo() {
        var months = catalog.provisionsFor(finding(Category.PETROLEUM_TRANSFER, "RUS", "PRK",
                List.of("refined petroleum"), new Quantity(250_000, "barrels"), "2024-03/2024-10"));
        assertEquals(0.5, months.get(0).capRatio());
        assertTrue(months.get(0).capBasis().contains("8 month(s)"));
        assertTrue(months.get(0).capBasis().contains("not prorated"));
    }

    @Test
    void aQuantityInAnotherUnitIsNotComparedWithABarrelCap() {
        var tonnes = catalog.provisionsFor(finding(Category.PETROLEUM_TRANSFER, "RUS", "PRK",
                List.of("refined petroleum"), new Quantity(12_000, "tonnes"), "2025"));
        assertNull(tonnes.get(0).capRatio());
    }

    @Test
    void coalFromTheDprkCitesTheCoalBanButNotTheSeafoodBan() {
        var coal = cited(catalog.provisionsFor(finding(Category.OTHER_SANCTIONS_EVASION, "PRK", "CHN",
                List.of("coal"), null, null)));
        assertTrue(coal.contains("2371 (2017) para 8"));
        assertFalse(coal.contains("2371 (2017) para 9"));
    }

    @Test
    void workersAbroadCiteTheRepatriationParagraph() {
        var labour = catalog.provisionsFor(finding(Category.OVERSEAS_LABOR, "PRK", "RUS", List.of("workers"), null, null));
        assertEquals("2397 (2017) para 8", cited(labour).get(0));
        assertEquals("checked", labour.get(0).confidence());
    }

    @Test
    void cyberTheftSaysNoParagraphAddressesItAndCitesTheFinancialMeasure() {
        var cyber = catalog.provisionsFor(finding(Category.CYBER_THEFT, "JPN", "PRK", List.of("cryptocurrency"), null, null));
        assertEquals(List.of("none para none", "2094 (2013) para 11"), cited(cyber));
        assertTrue(cyber.get(0).title().startsWith("No UNSC resolution paragraph"));
    }

    @Test
    void anUnknownSideDoesNotRuleOutAProvisionButAKnownOtherSideDoes() {
        assertTrue(ProvisionCatalog.directionFits("to-PRK", null, null));
        assertTrue(ProvisionCatalog.directionFits("to-PRK", "RUS", null));
        assertFalse(ProvisionCatalog.directionFits("to-PRK", "PRK", null));
        assertFalse(ProvisionCatalog.directionFits("from-PRK", "RUS", "PRK"));
    }

    @Test
    void uncertainParagraphsAreMarkedSo() {
        var training = catalog.provisionsFor(finding(Category.MILITARY_TECHNOLOGY, "RUS", "PRK",
                List.of("pilot training"), null, null));
        assertTrue(training.stream().anyMatch(m -> m.paragraph().equals("10") && m.resolution().startsWith("2270")
                && m.confidence().equals("uncertain")));
    }
}
