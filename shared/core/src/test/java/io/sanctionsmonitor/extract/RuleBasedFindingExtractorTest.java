package io.sanctionsmonitor.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sentences written for these tests (not taken from the corpus), one rule each. */
class RuleBasedFindingExtractorTest {

    private static final RuleBasedFindingExtractor EXTRACTOR = new RuleBasedFindingExtractor();

    private static List<Finding> extract(String text, String published) {
        return EXTRACTOR.extract(new ParsedReport(text, new ReportMetadata("text", null, published, null, null)));
    }

    private static List<Finding> extract(String text) {
        return extract(text, "2025-06-01");
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        return findings.get(0);
    }

    @Test
    void activeVoiceWithFromAndToGivesDirectionCategoryAndQuantity() {
        Finding f = only(extract("Satellite photos show Moscow shipped more than 120 Kalibr cruise missiles to Pyongyang."));
        assertEquals(Category.MUNITIONS_TRANSFER, f.category());
        assertEquals("RUS", f.from());
        assertEquals("PRK", f.to());
        assertEquals(120, f.quantity().value());
        assertTrue(f.why().stream().anyMatch(w -> w.startsWith("gazetteer:cruise missile")), f.why()::toString);
    }

    @Test
    void receiveVerbPutsTheSubjectOnTheReceivingSide() {
        Finding f = only(extract("Iran received some nine million artillery shells from North Korea last spring."));
        assertEquals("PRK", f.from());
        assertEquals("IRN", f.to());
        assertEquals(9_000_000, f.quantity().value());
    }

    @Test
    void stateAfterAGiveVerbIsTheRecipient() {
        Finding f = only(extract("Pyongyang supplied Syria with around 40 self-propelled howitzers."));
        assertEquals(Category.ARMS_TRANSFER, f.category());
        assertEquals("PRK", f.from());
        assertEquals("SYR", f.to());
        assertEquals(40, f.quantity().value());
    }

    @Test
    void passiveVoiceTakesTheSupplierFromTheItemsOwnAdjective() {
        Finding f = only(extract("At least 3,500 North Korean soldiers were flown to Russia in August 2024 and later deployed."));
        assertEquals(Category.MILITARY_PERSONNEL, f.category());
        assertEquals("PRK", f.from());
        assertEquals("RUS", f.to());
        assertEquals(3500, f.quantity().value());
    }

    @Test
    void inReturnForReversesTheDirectionOfWhatFollows() {
        List<Finding> findings = extract("Moscow delivered two S-400 batteries to Pyongyang in return for its sappers.");
        assertEquals(2, findings.size(), findings::toString);
        Finding arms = findings.stream().filter(f -> f.category() == Category.ARMS_TRANSFER).findFirst().orElseThrow();
        Finding people = findings.stream().filter(f -> f.category() == Category.MILITARY_PERSONNEL).findFirst().orElseThrow();
        assertEquals("RUS", arms.from());
        assertEquals("PRK", arms.to());
        assertEquals("PRK", people.from());
        assertEquals("RUS", people.to());
    }

    @Test
    void aPrepositionBeforeTheVerbBelongsToAnotherVerb() {
        Finding f = only(extract("Moscow has turned to Pyongyang for help, using its rockets on the front."));
        assertEquals("PRK", f.from());
        assertEquals("RUS", f.to());
    }

    @Test
    void onBehalfOfNamesTheSupplier() {
        Finding f = only(extract("Brokers acting on behalf of North Korea were offering rifles to militias."));
        assertEquals("PRK", f.from());
    }

    @Test
    void aPossessiveAfterTheVerbIsNotItsRecipient() {
        Finding f = only(extract("Envoys went to Sri Lanka to discuss Pyongyang's refurbishment of navy patrol boats."));
        assertEquals("PRK", f.from());
        assertEquals("LKA", f.to());
        assertEquals(Certainty.SPECULATIVE, f.certainty());
    }

    @Test
    void numberWordsScalesAndMoneyAreRead() {
        assertEquals(1_000_000, only(extract("Russia shipped one million barrels of diesel to North Korea.")).quantity().value());
        Finding theft = only(extract("Hackers working for North Korea stole $3.6 billion in cryptocurrency last year."));
        assertEquals(Category.CYBER_THEFT, theft.category());
        assertEquals(3.6e9, theft.quantity().value());
        assertEquals("USD", theft.quantity().unit());
        assertEquals("PRK", theft.to());
    }

    @Test
    void rangesGiveTheirLowerBoundAndVagueCountsNoQuantity() {
        assertEquals(2000, only(extract("North Korea sent 2,000 to 2,500 workers to China.")).quantity().value());
        assertNull(only(extract("North Korea sent hundreds of workers to China.")).quantity());
        assertNull(only(extract("North Korea sent several million shells to Russia.")).quantity());
    }

    @Test
    void hedgesAccusationsAndConfirmationsSetCertainty() {
        assertEquals(Certainty.SPECULATIVE, only(extract("Russia may have sent Su-35 fighters to North Korea.")).certainty());
        assertEquals(Certainty.ALLEGED, only(extract("North Korea allegedly shipped rockets to Russia.")).certainty());
        assertEquals(Certainty.CONFIRMED,
                only(extract("The Panel of Experts confirmed that North Korea shipped rockets to Russia.")).certainty());
        assertEquals(Certainty.REPORTED, only(extract("North Korea shipped rockets to Russia, officials in Seoul said.")).certainty());
    }

    @Test
    void plannedTransfersAreSpeculative() {
        Finding f = only(extract("Pyongyang plans to send 6,000 military builders to Russia."));
        assertEquals(Certainty.SPECULATIVE, f.certainty());
        assertEquals(6000, f.quantity().value());
    }

    @Test
    void attributionNamesGovernmentsByCountryAndBodiesByName() {
        Finding nis = only(extract("According to the NIS, North Korea shipped 1,200 howitzers to Russia."));
        assertEquals(List.of("South Korea"), nis.attributedTo());
        Finding estimate = only(extract("Tokyo estimates that Russia transferred 30 radars to North Korea."));
        assertEquals(List.of("Japan"), estimate.attributedTo());
        assertEquals(Certainty.REPORTED, estimate.certainty());
        assertEquals("RUS", estimate.from());
        Finding own = only(extract("North Korea shipped 1,200 howitzers to Russia."));
        assertEquals(List.of(), own.attributedTo());
    }

    @Test
    void accordingToACapitalNamesItsGovernment() {
        assertEquals(List.of("South Korea"),
                only(extract("Russia has supplied North Korea with radars, according to Seoul.")).attributedTo());
    }

    @Test
    void launderingTheProceedsOfATheftIsPartOfTheTheft() {
        Finding f = only(extract("Hackers laundered the stolen funds for North Korea through mixers."));
        assertEquals(Category.CYBER_THEFT, f.category());
        assertEquals("PRK", f.to());
    }

    @Test
    void aLaterSentenceInheritsTheSourceOfTheOneBefore() {
        List<Finding> findings = extract("The MSMT published its second report on Monday. "
                + "It said North Korea shipped 300 rocket launchers to Russia.");
        assertEquals(List.of("MSMT"), only(findings).attributedTo());
    }

    @Test
    void theAuthorsOwnEarlierWorkIsNoSource() {
        Finding f = only(extract("As I argued in a RUSI paper, North Korea shipped 300 rockets to Russia."));
        assertEquals(List.of(), f.attributedTo());
    }

    @Test
    void theReportPointsBackToTheLastNamedBodyEvenAcrossParagraphs() {
        String text = "The MSMT released its findings in May.\n\nOfficials in Tokyo welcomed the step, Japan said."
                + "\n\nThe report details deliveries of 400,000 barrels of diesel from Russia to North Korea.";
        assertEquals(List.of("MSMT"), only(extract(text)).attributedTo());
    }

    @Test
    void periodsResolveAgainstThePublicationDate() {
        assertEquals("2024/", only(extract("Since late 2024, Russia has shipped fuel to North Korea.")).period());
        assertEquals("2024-03/2024-10",
                only(extract("Russia shipped fuel to North Korea between March and October 2024.")).period());
        assertEquals("2024-12", only(extract("In December of last year, Russia shipped fuel to North Korea.")).period());
        assertEquals("2025", only(extract("This year Russia shipped fuel to North Korea.")).period());
        assertNull(only(extract("This year Russia shipped fuel to North Korea.", null)).period());
    }

    @Test
    void aListOfDistinctItemTypesGivesOneFindingEach() {
        List<Finding> findings = extract("North Korea has sent tanks, rockets and soldiers to Russia.");
        assertEquals(List.of(Category.ARMS_TRANSFER, Category.MUNITIONS_TRANSFER, Category.MILITARY_PERSONNEL),
                findings.stream().map(Finding::category).toList());
    }

    @Test
    void modelsOfOneTypeShareAFinding() {
        Finding f = only(extract("Russia is preparing to send MiG-31 and Su-30 jets to North Korea."));
        assertEquals(List.of("MiG-31", "Su-30"), f.items().subList(0, 2));
        assertEquals(Certainty.SPECULATIVE, f.certainty());
    }

    @Test
    void anItemThatNamesItsOwnTransferNeedsNoVerb() {
        Finding f = only(extract("A tanker conducted ship-to-ship transfers of diesel with a North Korean vessel."));
        assertEquals(Category.PETROLEUM_TRANSFER, f.category());
        assertEquals("PRK", f.to());
    }

    @Test
    void partsOfAWeaponAreKnowHowNotTheWeapon() {
        Finding f = only(extract("Moscow supplied cruise missile components to Pyongyang."));
        assertEquals(Category.MILITARY_TECHNOLOGY, f.category());
        assertEquals("RUS", f.from());
    }

    @Test
    void containersAreCountedWithWhatTheyHold() {
        Finding f = only(extract("North Korea shipped 7,000 containers of ammunition to Russia."));
        assertEquals(Category.MUNITIONS_TRANSFER, f.category());
        assertEquals("containers", f.quantity().unit());
        assertEquals(7000, f.quantity().value());
        assertTrue(f.items().contains("ammunition"), f.items()::toString);
    }

    @Test
    void genericWordingDenialsLawAndOldInventoryAreNotFindings() {
        assertEquals(List.of(), extract("North Korea was accused of sending weapons to Russia."));
        assertEquals(List.of(), extract("Moscow denied that it had sent fighters to North Korea."));
        assertEquals(List.of(), extract("Resolutions prohibit member states from sending fuel to North Korea."));
        assertEquals(List.of(), extract("The army still relies on older air defense systems delivered decades ago."));
        assertEquals(List.of(), extract("Both countries pledged deeper military cooperation."));
    }

    @Test
    void aDesignationIsNoFindingButTheActivityItDescribesIs() {
        assertEquals(List.of(), extract("Washington imposed sanctions on banks handling financial transactions for Pyongyang."));
        Finding f = only(extract("Washington imposed sanctions on two Russian firms that shipped diesel to North Korea."));
        assertEquals(Category.PETROLEUM_TRANSFER, f.category());
        assertEquals("RUS", f.from());
    }

    @Test
    void statementsOfLawAndOwnInventoryAreNotFindings() {
        assertEquals(List.of(), extract("Any transfer of drones to North Korea would violate Security Council resolutions."));
        assertEquals(List.of(), extract("North Korea has long possessed MiG-21 fighters bought decades ago."));
        assertEquals(List.of(), extract("North Korea test-fired a new cruise missile on Friday."));
    }

    @Test
    void teasersAndHeadingsAreNotFindings() {
        assertEquals(List.of(), extract("You may also like: Russia sends drones to North Korea"));
        assertEquals(List.of(), extract("Russia sends drones to North Korea\n\nThe summit ended on Tuesday."));
    }

    @Test
    void productionAndWeaponsProgrammesAreNotTransfers() {
        assertEquals(List.of(), extract("Factories producing shells for Russia were running at full capacity, a minister said."));
        assertEquals(List.of(), extract("Satellite images show the missile programme expanded its launch sites."));
    }

    @Test
    void restatementsAreMergedKeepingTheMostSpecificSentence() {
        String text = "North Korea has sent troops to Russia, the NIS said. "
                + "The NIS said North Korea has sent 11,000 troops to Russia.";
        Finding f = only(extract(text));
        assertEquals(11000, f.quantity().value());
        assertEquals(text.indexOf("The NIS said"), f.evidenceStart());
    }

    @Test
    void restatementsWithDifferentCertaintyStaySeparate() {
        String text = "North Korea sent shells to Russia. It could have sent more than 3 million shells to Russia.";
        assertEquals(2, extract(text).size());
    }

    @Test
    void evidenceIsTheExactSentenceWithOffsets() {
        String text = "Intro line without a finding.\n\n  • Russia shipped 500 tons of diesel to North Korea.";
        Finding f = only(extract(text));
        assertEquals(f.evidence(), text.substring(f.evidenceStart(), f.evidenceEnd()));
        assertEquals("Russia shipped 500 tons of diesel to North Korea.", f.evidence());
        assertNull(f.id());
        assertNull(f.documentId());
    }

    @Test
    void whyNamesTheCuesAndRulesThatFired() {
        Finding f = only(extract("Russia may have sent Su-35 fighters to North Korea."));
        assertTrue(f.why().contains("cue:may→speculative"), f.why()::toString);
        assertTrue(f.why().stream().anyMatch(w -> w.startsWith("direction:RUS→PRK")), f.why()::toString);
        assertTrue(f.why().stream().anyMatch(w -> w.startsWith("trigger:sent")), f.why()::toString);
    }

    @Test
    void oneInstanceGivesTheSameAnswerFromManyThreads() throws Exception {
        String text = "Russia may have sent Su-35 fighters to North Korea. North Korea shipped 7,000 containers of "
                + "ammunition to Russia. Hackers working for North Korea stole $3.6 billion in cryptocurrency.";
        List<Finding> expected = extract(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> extract(text)));
            }
            for (Future<List<Finding>> r : results) {
                assertEquals(expected, r.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void qualifiedCountsGiveTheirNumber() {
        assertEquals(20000, only(extract("Tokyo estimates that Pyongyang shipped around 20,000 rockets to Russia.")).quantity().value());
        assertEquals(1, only(extract("Moscow delivered at least one of its Tor systems to North Korea.")).quantity().value());
        Finding barrels = only(extract("Russia shipped one million barrels of diesel to North Korea."));
        assertEquals("barrels", barrels.quantity().unit());
    }

    @Test
    void mediaReportsAreAttributedToThoseMedia() {
        Finding f = only(extract("Chinese media reported that North Korea sent 500 sappers to Russia."));
        assertEquals(List.of("Chinese media"), f.attributedTo());
    }

    @Test
    void yesterdayResolvesAgainstAFullPublicationDate() {
        assertEquals("2025-05-31", only(extract("Officials said yesterday that Russia shipped fuel to North Korea.")).period());
    }

    @Test
    void aDateStatedEarlierInTheParagraphFramesLaterClaims() {
        String text = "The exchange has been under way since March 2024. Seoul estimates that Pyongyang sent 900 rockets to Russia."
                + "\n\nSeparately, Russia shipped fuel to North Korea.";
        List<Finding> findings = extract(text);
        assertEquals(2, findings.size(), findings::toString);
        assertEquals("2024-03/", findings.get(0).period());
        assertNull(findings.get(1).period());
    }

    @Test
    void aDemonstrativePointsBackToAClaimAlreadyMade() {
        assertEquals(1, extract("North Korea sent 3,000 workers to Russia. These workers earn little.").size());
    }

    @Test
    void emptyTextHasNoFindings() {
        assertEquals(List.of(), extract("   "));
    }
    @Test
    void aModelAndItsTypeInOneNounPhraseAreOneItemCountedByTheType() {
        Finding f = only(extract("Moscow delivered three Pantsir air defense systems to Pyongyang in May 2025."));
        assertEquals(Category.ARMS_TRANSFER, f.category());
        assertEquals(3, f.quantity().value());
        assertEquals("air defense systems", f.quantity().unit());
        assertTrue(f.items().contains("Pantsir"), f.items()::toString);
    }

    @Test
    void anUnknownDesignationBeforeAnItemIsKeptAsItsModel() {
        Finding f = only(extract("Russia delivered four Buk-M3 air defence systems to North Korea."));
        assertEquals(List.of("Buk-M3 air defence systems"), f.items());
    }

    @Test
    void aNamedBodyThatConfirmsGivesConfirmedAndNamesItself() {
        Finding f = only(extract("The monitoring team confirmed that Russia sent two fighter jets to North Korea."));
        assertEquals(Certainty.CONFIRMED, f.certainty());
        assertEquals(List.of("monitoring team"), f.attributedTo());
    }

    @Test
    void aClaimThatCouldNotBeVerifiedIsAtMostAlleged() {
        Finding f = only(extract("Officials said they could not verify reports that North Korea shipped rockets to Russia."));
        assertEquals(Certainty.ALLEGED, f.certainty());
        Finding g = only(extract("Unconfirmed reports say Pyongyang sent artillery shells to Moscow."));
        assertEquals(Certainty.ALLEGED, g.certainty());
    }

    @Test
    void aTransferNamedByANounHasNoSubjectAndFuelGoesToTheFocusState() {
        Finding f = only(extract("Imagery shows a tanker moored off Nampo, in what appears to be a ship-to-ship transfer of diesel."));
        assertEquals(Category.PETROLEUM_TRANSFER, f.category());
        assertNull(f.from());
        assertEquals("PRK", f.to());
        assertEquals(Certainty.SPECULATIVE, f.certainty());
    }

    @Test
    void aMethodJoinsTheFindingOfTheGoodsItMoves() {
        Finding f = only(extract("North Korean iron ore was exported to China via ship-to-ship transfers in 2024."));
        assertEquals(Category.OTHER_SANCTIONS_EVASION, f.category());
        assertTrue(f.items().stream().anyMatch(i -> i.startsWith("ship-to-ship")), f.items()::toString);
    }

    @Test
    void peopleWhoReceiveSomethingAreNotThemselvesMoved() {
        Finding f = only(extract("North Korean engineers received missile training from Russian instructors."));
        assertEquals(Category.MILITARY_TECHNOLOGY, f.category());
    }

    @Test
    void moneyUsedToFundSomethingIsNoFinding() {
        assertEquals(List.of(), extract("The stolen money is used to fund the missile programme."));
    }
    @Test
    void anArticleBeforeAStateAdjectiveDoesNotHideItsPreposition() {
        Finding f = only(extract("Hackers tied to Pyongyang stole $40 million in crypto from a Vietnamese exchange in 2024."));
        assertEquals(Category.CYBER_THEFT, f.category());
        assertEquals("VNM", f.from());
        assertEquals("PRK", f.to());
    }

    @Test
    void aListFarFromItsVerbIsGovernedThroughItsLastMemberAndCountedInMoney() {
        Finding f = only(extract("Luxury cars worth $3 million, including several Maybach and Rolls-Royce models,"
                + " reached Pyongyang by sea in 2024."));
        assertEquals(Category.LUXURY_GOODS, f.category());
        assertEquals("PRK", f.to());
        assertEquals(3_000_000, f.quantity().value());
        assertEquals("USD", f.quantity().unit());
    }
    @Test
    void aModifierBetweenAStateAndItsOfficeStillNamesTheStateAsSource() {
        Finding f = only(extract("Japan's defence officials said North Korea shipped 200 rockets to Russia."));
        assertEquals(List.of("Japan"), f.attributedTo());
    }

    @Test
    void anInquiryIntoWhetherSomethingHappenedMakesItAlleged() {
        Finding f = only(extract("The panel is looking into whether a broker sold North Korea 30 luxury cars in 2024."));
        assertEquals(Certainty.ALLEGED, f.certainty());
    }

    @Test
    void theDateOfTheSentenceBeforeFramesAClaimUnlessItOpensAnotherFrame() {
        List<Finding> framed = extract("Radar images from March 2025 show a freighter leaving Rajin for Vladivostok. "
                + "The freighter delivered 300 rockets to Russia.");
        Finding rockets = only(framed);
        assertEquals("2025-03", rockets.period());
        assertTrue(rockets.why().contains("period:2025-03 (stated in the sentence before)"), rockets.why()::toString);
        List<Finding> reframed = extract("Radar images from March 2025 show a freighter leaving Rajin for Vladivostok. "
                + "In return, Moscow supplied North Korea with 50 trucks of fuel.");
        assertNull(only(reframed).period());
    }

    @Test
    void aShellCompanyIsAFrontCompanyNotAnArtilleryShell() {
        Finding f = only(extract("A Latvian shell company opened bank accounts for a North Korean trading firm."));
        assertEquals(Category.FINANCIAL, f.category());
        assertEquals("LVA", f.from());
    }

        @Test
    void aDateThatAlreadyDatesAClaimDoesNotDateTheNextSentence() {
        List<Finding> findings = extract("In March 2025 North Korea shipped 300 rockets to Russia. "
                + "Pyongyang also sent 2,000 troops to Russia.");
        assertEquals("2025-03", findings.get(0).period(), findings::toString);
        assertNull(findings.get(1).period(), findings::toString);
    }

    @Test
    void aClaimAboutAGroupNamedBeforeTakesTheGroupsDateAcrossAParagraph() {
        List<Finding> findings = extract("Border records show that 4,200 North Koreans crossed into Russia in 2024.\n\n"
                + "Officials could not say more.\n\n"
                + "Some 3,000 of them were construction workers sent to Russia.", "2025-06-01");
        Finding workers = findings.stream().filter(f -> f.evidence().startsWith("Some 3,000")).findFirst().orElseThrow();
        assertEquals("2024", workers.period());
        assertTrue(workers.why().contains("period:2024 (date of the group referred back to)"), workers.why()::toString);
    }

    @Test
    void violationsOfTheseSanctionsReferToNoGroup() {
        List<Finding> findings = extract("The shipments ran between May and July 2024.\n\n"
                + "Among the violations of these sanctions, Russia sent 20 tonnes of diesel to North Korea.");
        assertNull(only(findings).period(), findings::toString);
    }

    @Test
    void aDateThatOpensAStatementAboutARepeatedOrComingTransferDatesOnlyTheStatement() {
        Finding repeated = only(extract("In 2021, a Dutch customs officer noted that the port had been repeatedly used "
                + "to ship luxury cars to North Korea."));
        assertNull(repeated.period(), repeated.why()::toString);
        assertTrue(repeated.why().contains("period-skipped:In 2021 (dates the statement)"), repeated.why()::toString);
        Finding single = only(extract("In May 2025, Japanese media reported that Russia had shipped 40 howitzers to North Korea."));
        assertEquals("2025-05", single.period(), "a single past event keeps the date of its report");
    }

    @Test
    void aDateInAClauseAboutAnotherThingAfterTheItemIsNotTheClaimsDate() {
        Finding f = only(extract("Moscow will send 3,000 North Korean workers to Belgorod, a border town flooded "
                + "last year.", "2025-06-01"));
        assertNull(f.period(), f.why()::toString);
        assertTrue(f.why().stream().anyMatch(w -> w.startsWith("period-skipped:last year")), f.why()::toString);
    }

    @Test
    void partsOfCivilGoodsStayCivilGoods() {
        Finding f = only(extract("China exported 200 tonnes of machinery parts to North Korea in 2024."));
        assertEquals(Category.OTHER_SANCTIONS_EVASION, f.category());
    }

    @Test
    void aFrontCompanyBesideAnotherViolationIsHowItWasDoneNotAFindingOfItsOwn() {
        Finding f = only(extract("Investigators say a Malaysian trading house and its front companies arranged "
                + "nuclear procurement for Pyongyang."));
        assertEquals(Category.OTHER_SANCTIONS_EVASION, f.category());
        assertTrue(f.items().contains("front companies"), f.items()::toString);
        assertTrue(f.why().stream().anyMatch(w -> w.contains("method, joins OTHER_SANCTIONS_EVASION")), f.why()::toString);
        Finding alone = only(extract("A North Korean front company in Dubai moved $2 million last year."));
        assertEquals(Category.FINANCIAL, alone.category(), "with nothing else named it is a finding of its own");
    }

    @Test
    void workplacesGovernedByALabourVerbAreOneFindingOfWorkersAbroad() {
        Finding f = only(extract("North Korea sent 2,000 workers to Russia last year.\n\n"
                + "Some are employed at garment factories, while others were assigned to construction sites, "
                + "officials said.").stream().filter(x -> x.evidence().startsWith("Some")).toList());
        assertEquals(Category.OVERSEAS_LABOR, f.category());
        assertEquals(List.of("garment factory workers", "construction site workers"), f.items());
        assertTrue(f.why().contains("gazetteer:garment factory→OVERSEAS_LABOR (workplace of employed)"), f.why()::toString);
    }

    @Test
    void aWorkplaceWithoutALabourVerbIsNoLabourClaim() {
        assertTrue(extract("The delegation toured garment factories near Pyongyang in May.").isEmpty());
        Finding project = only(extract("A sanctioned North Korean firm undertook 12 construction projects in Namibia."));
        assertEquals(Category.OTHER_SANCTIONS_EVASION, project.category());
    }

    @Test
    void aLabourClaimTakesAHeadCountStatedApartFromItsItem() {
        Finding f = only(extract("Around 1,400 of them came to Russia on student visas, officials said."));
        assertEquals(Category.OVERSEAS_LABOR, f.category());
        assertEquals(1400, f.quantity().value());
        assertTrue(f.why().contains("quantity-rule:head count apart from the item"), f.why()::toString);
    }

    @Test
    void aSystemTheFocusStateAlreadyHasCameFromTheStateThatMakesIt() {
        Finding f = only(extract("Drone footage suggests that North Korea already had Pantsir-S1 launchers at a coastal base."));
        assertEquals(Category.ARMS_TRANSFER, f.category());
        assertEquals("RUS", f.from());
        assertEquals("PRK", f.to());
        assertTrue(f.why().contains("trigger:already had(hold)"), f.why()::toString);
        assertTrue(f.why().stream().anyMatch(w -> w.startsWith("direction:RUS→PRK") && w.contains("maker")), f.why()::toString);
    }

    @Test
    void holdingOwnMakeOrAnUnmadeThingIsNoTransfer() {
        assertTrue(extract("Analysts noted that North Korea already has Koksan howitzers near the border.").isEmpty(),
                "a holder's own system moved nowhere");
        assertTrue(extract("Analysts noted that North Korea already has rocket launchers near the border.").isEmpty(),
                "with no maker known, holding says nothing about a transfer");
    }

    @Test
    void technologyBoughtByAProcurementVerbIsProcurementNotKnowHow() {
        Finding bought = only(extract("North Korean trade envoys procured technology for the missile programme in Europe."));
        assertEquals(Category.OTHER_SANCTIONS_EVASION, bought.category());
        assertTrue(bought.why().stream().anyMatch(w -> w.startsWith("gazetteer:technolog")
                && w.endsWith("→OTHER_SANCTIONS_EVASION (procured by procured)")), bought.why()::toString);
        Finding given = only(extract("Russia transferred missile technology to North Korea in 2024."));
        assertEquals(Category.MILITARY_TECHNOLOGY, given.category(), "know-how handed over stays know-how");
    }

    @Test
    void studentVisasAreHowWorkersCameNotASecondLabourFinding() {
        Finding f = only(extract("North Korea sent 600 workers to Russia on student visas last year."));
        assertEquals(Category.OVERSEAS_LABOR, f.category());
        assertEquals(List.of("workers", "student visas"), f.items());
        assertEquals(600, f.quantity().value());
        Finding alone = only(extract("Roughly 600 of them entered Russia on student visas, officials said."));
        assertEquals(List.of("student visas"), alone.items(), "with no workers named the visas are the finding");
    }

    @Test
    void aMonthStandsForTheYearItFallsInNamedLaterInTheSentence() {
        Finding f = only(extract("In April, hackers stole $80 million in Bitcoin from an Indian exchange, the biggest such theft this year."));
        assertEquals(Category.CYBER_THEFT, f.category());
        assertEquals("2025-04", f.period(), f.why()::toString);
        assertEquals(List.of("Bitcoin"), f.items());
    }

    @Test
    void goingDarkBorrowingAnIdentityAndChangingFlagsAreThreeMaritimeTechniques() {
        List<Finding> findings = extract("Two bulk carriers turned off their transponders near Nampo in March.\n\n"
                + "One of them later used the identity of a decommissioned vessel.\n\nBoth reflagged twice in 2024.");
        assertEquals(3, findings.size(), findings::toString);
        assertTrue(findings.stream().allMatch(f -> f.category() == Category.MARITIME_EVASION), findings::toString);
        assertEquals(List.of("turned off their transponders"), findings.get(0).items());
    }

    @Test
    void aWeaponNamedAsWhatAnotherItemIsForDoesNotMove() {
        Finding shells = only(extract("Belarus sold North Korea shells for its self-propelled howitzers."));
        assertEquals(Category.MUNITIONS_TRANSFER, shells.category());
        Finding part = only(extract("Russian specialists assisted North Korea with components for a new cruise missile."));
        assertEquals(Category.MILITARY_TECHNOLOGY, part.category(), part.why()::toString);
        assertEquals("RUS", part.from());
        assertEquals("PRK", part.to());
        assertEquals(List.of("components for cruise missile"), part.items());
    }

    @Test
    void aWorkplaceBesideTheWorkersItPlacesJoinsTheirFindingAndItsCountIsNotTheirs() {
        Finding f = only(extract("About 300 North Korean workers are employed at three fish processing plants in Vladivostok, officials said."));
        assertEquals(Category.OVERSEAS_LABOR, f.category());
        assertEquals(300, f.quantity().value(), f.why()::toString);
        assertEquals(List.of("workers", "fish processing plant workers"), f.items());
    }

    @Test
    void machineryAndVehiclesSoldToTheFocusStateAreBannedExports() {
        Finding f = only(extract("A trading house in Dalian sold six excavators to North Korea in 2024."));
        assertEquals(Category.OTHER_SANCTIONS_EVASION, f.category());
        assertEquals("PRK", f.to());
        assertEquals(6, f.quantity().value());
        Finding trucks = only(extract("The lorries were re-exported to North Korea from Singapore."));
        assertEquals(Category.PETROLEUM_TRANSFER, only(extract("Moscow supplied North Korea with 50 lorries of fuel.")).category(),
                "a lorry load measures the fuel");
        assertEquals(Category.MUNITIONS_TRANSFER, only(extract("North Korea sent the shells to Russia by truck and "
                + "rail.")).category(), "trucks that carry the goods are not sold");
        assertEquals("SGP", trucks.from());
        assertEquals("PRK", trucks.to());
    }

    @Test
    void aCapSetByLawAWithdrawnAttributionAndAStatementAboutAKindAreNoFindings() {
        assertTrue(extract("The Security Council capped the crude oil North Korea may import at four million barrels a year.").isEmpty());
        assertTrue(extract("A $12 million theft from a Thai exchange was at first attributed to North Korea, but police later "
                + "arrested local suspects.").isEmpty());
        assertTrue(extract("Not every shipment of coal leaving Nampo breaks the rules.").isEmpty());
    }

    @Test
    void aFocusStateMissileFiredByAnotherStatesForcesCameFromTheFocusState() {
        Finding f = only(extract("Ukrainian officials said Russian units fired KN-23 missiles at Kharkiv in January."));
        assertEquals(Category.MUNITIONS_TRANSFER, f.category());
        assertEquals("PRK", f.from());
        assertEquals("RUS", f.to());
        assertTrue(extract("Ukrainian officials said Russian units fired Kh-101 missiles at Kharkiv in January.").isEmpty(),
                "a state firing its own make moved nothing");
    }

    @Test
    void blameIsAnAccusationAndSuggestsIsAHedge() {
        Finding blamed = only(extract("Hackers tied to Pyongyang are blamed for the theft of $40 million in cryptocurrency "
                + "from a Vietnamese exchange."));
        assertEquals(Certainty.ALLEGED, blamed.certainty(), blamed.why()::toString);
        Finding hedged = only(extract("Draught readings suggest a tanker delivered diesel to North Korea."));
        assertEquals(Certainty.SPECULATIVE, hedged.certainty(), hedged.why()::toString);
    }

    @Test
    void fuelOffloadedAtSeaAndRestaurantsOperatingAbroadAreFindings() {
        Finding fuel = only(extract("A tanker offloaded 3,000 tonnes of diesel into a North Korean vessel off Nampo."));
        assertEquals(Category.PETROLEUM_TRANSFER, fuel.category());
        assertEquals("PRK", fuel.to());
        Finding restaurants = only(extract("North Korean restaurants operating in Laos still send profits home."));
        assertEquals(Category.OVERSEAS_LABOR, restaurants.category());
    }

    @Test
    void helpWithAWeaponsProgrammeIsKnowHow() {
        Finding f = only(extract("Russia provided help with North Korea's satellite launches last year."));
        assertEquals(Category.MILITARY_TECHNOLOGY, f.category());
        assertEquals("RUS", f.from());
        assertEquals("PRK", f.to());
        assertEquals(Category.MUNITIONS_TRANSFER, only(extract("Moscow turned to Pyongyang for help, sending its rockets "
                + "to the front.")).category(), "help asked for is no know-how");
    }

    @Test
    void mortarRoundsAreAnotherTypeThanArtilleryShells() {
        assertEquals(2, extract("North Korea shipped artillery shells and mortar rounds to Russia.").size());
    }

    @Test
    void themAfterTheItemIsTheItemNotAGroupNamedBefore() {
        Finding f = startingWith(extract("North Korea exported 5,000 tonnes of coal to China in March 2024.\n\n"
                + "North Korean restaurants operating in Laos, some of them under local names, earn hard currency."),
                "North Korean restaurants");
        assertNull(f.period(), f.why()::toString);
    }

    @Test
    void aStateBeforeBasedNamesWhereTheVictimIs() {
        Finding f = only(extract("Hackers stole $25 million in cryptocurrency from a Malaysia-based exchange in March."));
        assertEquals("MYS", f.from(), f.why()::toString);
        assertEquals("PRK", f.to());
    }

    @Test
    void stolenLootMovedOnIsLaunderingAClaimApartFromTheTheft() {
        List<Finding> findings = extract("In January, North Korean hackers stole $60 million in Ether from a Japanese exchange.\n\n"
                + "Within a week, the stolen Ether had been swapped for Bitcoin at several small exchanges.");
        assertEquals(2, findings.size(), findings::toString);
        Finding laundering = startingWith(findings, "Within a week");
        assertEquals(Category.CYBER_THEFT, laundering.category());
        assertTrue(laundering.items().contains("laundering"), laundering.items()::toString);
        assertTrue(laundering.why().stream().anyMatch(w -> w.startsWith("laundering:stolen Ether")), laundering.why()::toString);
    }

    @Test
    void theShipmentsToldBeforeLendTheirDateToWhatTheyIncluded() {
        Finding f = startingWith(extract("North Korea sent 40,000 shells to Russia between May and July 2024. "
                + "Most were old stock.\n\nAccording to a defector, the shipments also included anti-tank missiles."),
                "According to a defector");
        assertEquals("2024-05/2024-07", f.period(), f.why()::toString);
    }

    @Test
    void aStatesNameAfterToTheIsTheRecipientButNotAPlaceNamingAFirm() {
        Finding dprk = only(extract("The excavators were re-exported to the DPRK through a port in Malaysia."));
        assertEquals("PRK", dprk.to(), dprk.why()::toString);
        Finding firm = only(extract("A Dubai bank transferred $3 million to the Moscow company Ardent Trade for a North Korean bank."));
        assertTrue(firm.why().stream().noneMatch(w -> w.startsWith("direction:") && w.contains("→RUS")), firm.why()::toString);
    }

    @Test
    void aStateBeforeSuppliedWithIsTheOneSupplied() {
        Finding f = only(extract("Chinese smugglers have kept North Korea supplied with diesel all winter."));
        assertEquals("PRK", f.to(), f.why()::toString);
        assertTrue(f.why().stream().anyMatch(w -> w.startsWith("direction:") && w.contains("supplied-with")), f.why()::toString);
        assertEquals("PRK", only(extract("North Korea supplied Russia with artillery shells.")).from(), "an object after the verb receives");
    }

    // --- rules of the dv22-dv26 round (court filing, hearing transcript, imagery analysis, designation release,
    // regional paper); sentences written for these tests

    @Test
    void aQuestionClaimsNothing() {
        assertEquals(List.of(), extract("Did Russia deliver fighter jets to North Korea last year?"));
        assertEquals(1, extract("Russia delivered fighter jets to North Korea last year.").size(), "the statement does");
    }

    @Test
    void launderingIsATheftsOnlyOnceATheftWasTold() {
        Finding plain = only(extract("Two brokers laundered $12 million for a North Korean bank through shell companies in Dubai."));
        assertEquals(Category.FINANCIAL, plain.category(), plain.why()::toString);
        List<Finding> after = extract("Hackers stole $30 million in cryptocurrency from a Vietnamese exchange in March.\n\n"
                + "The group later laundered $12 million of it through shell companies in Dubai.");
        assertTrue(after.stream().allMatch(f -> f.category() == Category.CYBER_THEFT), after::toString);
    }

    @Test
    void aSeaNamedAfterAStateIsNoState() {
        Finding f = only(extract("Tankers delivered diesel to North Korean vessels in the South China Sea."));
        assertNull(f.from(), f.why()::toString);
    }

    @Test
    void aShipToShipTransferWithNoCommodityIsMaritimeEvasion() {
        Finding alone = only(extract("Patrol aircraft photographed a ship-to-ship transfer between two tankers off Nampo."));
        assertEquals(Category.MARITIME_EVASION, alone.category(), alone.why()::toString);
        Finding fuel = only(extract("A tanker delivered fuel oil to North Korea in a ship-to-ship transfer off Nampo."));
        assertEquals(Category.PETROLEUM_TRANSFER, fuel.category(), fuel.why()::toString);
        assertTrue(fuel.items().contains("ship-to-ship transfer"), fuel.items()::toString);
    }

    @Test
    void aChargeOrIndictmentIsAnAccusationAndThePenaltyIsLaw() {
        Finding charged = only(extract("A trader was charged with selling 200 tonnes of diesel to North Korea."));
        assertEquals(Certainty.ALLEGED, charged.certainty(), charged.why()::toString);
        Finding indicted = only(extract("The indictment says the pair shipped 5,000 tonnes of coal from North Korea to Vietnam."));
        assertEquals(Certainty.ALLEGED, indicted.certainty(), indicted.why()::toString);
        assertEquals(List.of(), extract("If convicted, the broker faces ten years in prison for money laundering."));
    }

    @Test
    void aSourceThatKnowsOfNoCaseAndALegalDutyMakeNoClaim() {
        assertEquals(List.of(), extract("Officials said they were not aware of any North Korean IT workers in the province."));
        assertEquals(List.of(), extract("The labour office has not registered any North Korean IT workers this year."));
        assertEquals(List.of(), extract("All North Korean workers abroad were supposed to be sent home by 2019."));
    }

    @Test
    void aForfeitureComplaintAndAFormalAdditionAreNoWishes() {
        Finding theft = only(extract("Prosecutors filed a complaint that seeks the forfeiture of $3 million in cryptocurrency "
                + "that hackers stole from a Korean exchange."));
        assertEquals(Category.CYBER_THEFT, theft.category(), theft.why()::toString);
        Finding fuel = only(extract("The ministry wishes to add that a Russian firm delivered 2,000 tonnes of fuel to North Korea."));
        assertEquals(Category.PETROLEUM_TRANSFER, fuel.category(), fuel.why()::toString);
    }

    @Test
    void anEmployerHiringNorthKoreansTakesWorkersAbroad() {
        Finding f = only(extract("A shipyard in Vladivostok hired 150 North Koreans last year."));
        assertEquals(Category.OVERSEAS_LABOR, f.category(), f.why()::toString);
        assertEquals("RUS", f.to(), f.why()::toString);
        assertEquals(150, f.quantity().value(), 0.01);
    }

    @Test
    void newItemsOfTheRound() {
        assertEquals(Category.OTHER_SANCTIONS_EVASION,
                only(extract("A Chinese broker sold eight fishing vessels to a North Korean firm.")).category());
        assertEquals(Category.MILITARY_PERSONNEL,
                only(extract("Pyongyang sent two military construction units to Russia's Kursk region.")).category());
        assertEquals(Category.MARITIME_EVASION, only(extract("The tanker's transponder was off for six days.")).category());
        Finding wire = only(extract("A Hong Kong firm received wire transfers worth $2 million from a North Korean bank."));
        assertTrue(wire.items().contains("wire transfers"), wire.items()::toString);
        Finding it = only(extract("A Dutch startup found that three of its remote developers were North Koreans working from China."));
        assertEquals(Category.OVERSEAS_LABOR, it.category(), it.why()::toString);
    }

    @Test
    void aTankerDischargingAtATerminalDeliversItsCargo() {
        Finding f = only(extract("A tanker was seen discharging diesel at the Nampo terminal."));
        assertEquals(Category.PETROLEUM_TRANSFER, f.category(), f.why()::toString);
        assertEquals("PRK", f.to(), f.why()::toString);
    }

    @Test
    void aPortCityNamesItsState() {
        Finding f = only(extract("North Korea shipped 300 tonnes of coal to Dalian last year."));
        assertEquals("CHN", f.to(), f.why()::toString);
    }

    @Test
    void consistentWithIsAnInference() {
        Finding f = only(extract("The activity at the pier is consistent with deliveries of artillery shells to Russia."));
        assertEquals(Certainty.SPECULATIVE, f.certainty(), f.why()::toString);
    }

    @Test
    void aBodyThatIdentifiedCasesConfirmsThem() {
        Finding f = only(extract("The ministry said it has identified three trading firms that shipped coal from North Korea to Vietnam."));
        assertEquals(Certainty.CONFIRMED, f.certainty(), f.why()::toString);
    }

    @Test
    void thatVoyageLendsItsDateToWhatHappenedDuringIt() {
        Finding f = startingWith(extract("In May 2025 the tanker Gold Star delivered 9,000 barrels of diesel to North Korea.\n\n"
                + "During that voyage, the tanker switched off its AIS."), "During that voyage");
        assertEquals("2025-05", f.period(), f.why()::toString);
    }

    @Test
    void theNounShipIsNoVerbButACarryingVesselMovesItsCargo() {
        Finding f = only(extract("The ship's transponder was off for most of its stay in Nampo."));
        assertTrue(f.why().stream().noneMatch(w -> w.startsWith("trigger:ship")), f.why()::toString);
        Finding coal = only(extract("Customs found that the vessel was carrying 2,000 tonnes of North Korean coal."));
        assertEquals(Category.OTHER_SANCTIONS_EVASION, coal.category(), coal.why()::toString);
        assertTrue(coal.why().contains("trigger:carrying(give)"), coal.why()::toString);
    }

    @Test
    void aBareInReturnThatClosesItsClauseReversesNothingAfterIt() {
        List<Finding> findings = extract("Moscow has sent Pyongyang wheat and diesel in return, and it may also be sharing missile technology.");
        Finding tech = findings.stream().filter(f -> f.category() == Category.MILITARY_TECHNOLOGY).findFirst().orElseThrow();
        assertEquals("RUS", tech.from(), tech.why()::toString);
    }

    @Test
    void aPlaceTheGoodsReachedLaterDoesNotHostTheSupplier() {
        Finding f = only(extract("Russia has received about 100 KN-23 missiles, some of which were fired at Ukrainian cities."));
        assertEquals("PRK", f.from(), f.why()::toString);
    }

    @Test
    void theCountOfThePlaceThatHoldsTheItemIsNoQuantity() {
        Finding f = only(extract("A North Korean trader opened accounts at three Chinese banks for a front company."));
        assertEquals(Category.FINANCIAL, f.category(), f.why()::toString);
        assertNull(f.quantity(), f.why()::toString);
    }

    // --- rules from the fifth devset round (dv27-dv31); the sentences are written for these tests

    @Test
    void aKindOfShipIsNoVerbAndLoadingOntoIsATransfer() {
        Finding f = only(extract("Stevedores loaded artillery shells onto Russian cargo ships at Rajin."));
        assertEquals(Category.MUNITIONS_TRANSFER, f.category(), f.why()::toString);
        assertTrue(f.why().contains("trigger:loaded(give)"), f.why()::toString);
        assertEquals("RUS", f.to(), f.why()::toString);
    }

    @Test
    void aShipThatBroughtGoodsDeliveredThem() {
        Finding f = only(extract("A Russian freighter brought about 900 tonnes of jet fuel to Nampo in May."));
        assertEquals(Category.PETROLEUM_TRANSFER, f.category(), f.why()::toString);
        assertEquals("RUS", f.from(), f.why()::toString);
        assertEquals("PRK", f.to(), f.why()::toString);
    }

    @Test
    void countSkipsAnAdjectiveOfThePeopleCounted() {
        Finding f = only(extract("About 1,500 young soldiers were flown from Pyongyang to Russia in March."));
        assertEquals(1500, f.quantity().value(), f.why()::toString);
    }

    @Test
    void countStandsBeforeAModelAndAMultiWordTypeOfTank() {
        Finding f = only(extract("Kyiv says Pyongyang handed over about 30 Chonma-216 main battle tanks to Moscow."));
        assertEquals(30, f.quantity().value(), f.why()::toString);
    }

    @Test
    void theProgressiveIsNoPassiveSoItsSubjectSupplies() {
        Finding f = only(extract("Experts warn that Moscow may be sharing satellite technology with Pyongyang."));
        assertEquals("RUS", f.from(), f.why()::toString);
        assertEquals("PRK", f.to(), f.why()::toString);
    }

    @Test
    void aPronounSubjectIsTheSentencesSubject() {
        Finding f = only(extract("Russia has sent grain to North Korea, and it is also sharing drone technology."));
        assertEquals("RUS", f.from(), f.why()::toString);
    }

    @Test
    void knowHowRelatedToSeveralDomainsIsOneFinding() {
        Finding f = only(extract("Moscow is sharing technology related to satellites and nuclear-powered submarines with Pyongyang."));
        assertEquals(Category.MILITARY_TECHNOLOGY, f.category(), f.why()::toString);
        assertEquals("RUS", f.from(), f.why()::toString);
    }

    @Test
    void helpToImproveAWeaponIsKnowHowAndTheHelpersDoNotMove() {
        Finding f = only(extract("Russian technicians helped North Korea improve the guidance of its Hwasong-11 missiles."));
        assertEquals(Category.MILITARY_TECHNOLOGY, f.category(), f.why()::toString);
        assertEquals("RUS", f.from(), f.why()::toString);
        assertEquals("PRK", f.to(), f.why()::toString);
    }

    @Test
    void aVerbOfHelpMovesNoGoods() {
        assertTrue(extract("A trading house in Minsk is helping Russia and North Korea move money past the banks.").isEmpty());
    }

    @Test
    void aStateReachedViaIsARouteNotAParty() {
        Finding f = only(extract("Inspectors seized 700 tonnes of North Korean iron ore, shipped from Chongjin via the Chinese port of Dandong."));
        assertEquals("PRK", f.from(), f.why()::toString);
        assertNull(f.to(), f.why()::toString);
    }

    @Test
    void theDeclaredCoverOfACargoIsNoSecondItem() {
        Finding f = only(extract("Officers seized 2,000 tonnes of North Korean anthracite that had been shipped to Vietnam and declared as Indonesian coal."));
        assertEquals(List.of("anthracite"), f.items(), f.why()::toString);
    }

    @Test
    void containersOfCivilianGoodsCountThoseGoods() {
        Finding f = only(extract("Five containers of North Korean seafood were shipped to a buyer in Thailand."));
        assertEquals(Category.OTHER_SANCTIONS_EVASION, f.category(), f.why()::toString);
        assertEquals(5, f.quantity().value(), f.why()::toString);
        assertEquals("containers", f.quantity().unit(), f.why()::toString);
    }

    @Test
    void theStateOfGoodsInContainersIsTheirOriginAndACoverNamesNoParty() {
        Finding f = only(extract("Four containers of North Korean seafood, labelled as Vietnamese produce, were shipped to Japan."));
        assertEquals(Category.OTHER_SANCTIONS_EVASION, f.category(), f.why()::toString);
        assertEquals("PRK", f.from(), f.why()::toString);
        assertEquals("JPN", f.to(), f.why()::toString);
    }

    @Test
    void anAppealToActIsNoClaim() {
        assertTrue(extract("The ministers call on every state to expel North Korean workers and stop ship-to-ship transfers.").isEmpty());
    }

    @Test
    void noEvidenceOfATransferIsNoClaim() {
        assertTrue(extract("Tokyo says it has no evidence that Russia has transferred Su-35 fighters to Pyongyang.").isEmpty());
    }

    @Test
    void fundsAfterThatIsTheVerbOfAUseOfProceeds() {
        List<Finding> findings = extract("North Korea sends IT workers to Laos, earning revenue that funds its missile programme.");
        assertTrue(findings.stream().noneMatch(f -> f.category() == Category.FINANCIAL), findings::toString);
    }

    @Test
    void workersSentToWorkOnAWorkplaceAbroadAreLabour() {
        Finding f = only(extract("In 2024 about 60 men from Hamhung were sent to work on construction sites near Khabarovsk."));
        assertEquals(Category.OVERSEAS_LABOR, f.category(), f.why()::toString);
        assertEquals("RUS", f.to(), f.why()::toString);
    }

    @Test
    void aStateInTheDestinationBeforeTheItemIsNoOrigin() {
        Finding f = only(extract("Several hundred more are being deployed to the Kursk region as sappers."));
        assertEquals("PRK", f.from(), f.why()::toString);
        assertEquals("RUS", f.to(), f.why()::toString);
    }

    @Test
    void deminersAreMilitaryPersonnel() {
        Finding f = only(extract("Pyongyang has sent several hundred deminers to Russia."));
        assertEquals(Category.MILITARY_PERSONNEL, f.category(), f.why()::toString);
    }

    @Test
    void anInterviewsAnswersAreTheIntervieweesClaims() {
        String text = "The woman we spoke to ran a warehouse in Sinuiju until last year.\n\n"
                + "Q: What did you see?\n\n"
                + "A: In March 2024 we sent 300 crates of mortar rounds to Russia by rail.";
        Finding f = only(extract(text));
        assertEquals(List.of("interviewee (unnamed)"), f.attributedTo(), f.why()::toString);
    }

    @Test
    void ministersOfSeveralStatesSpeakForEachGovernment() {
        Finding f = only(extract("The defence ministers of Canada, Japan and Australia said North Korea had sent 40 self-propelled howitzers to Russia."));
        assertEquals(List.of("Canada", "Japan", "Australia"), f.attributedTo(), f.why()::toString);
    }

    @Test
    void anUnnamedBodyNamedInAnAppositionIsThatBody() {
        Finding f = only(extract("An analyst at a Tokyo think tank, the Pacific Security Forum, said Russia might be supplying Pyongyang with drone engines."));
        assertEquals(List.of("Pacific Security Forum"), f.attributedTo(), f.why()::toString);
    }

    @Test
    void dataCompiledByABodyAreThatBodysClaims() {
        Finding f = only(extract("Tracking data compiled by Northsea Signals suggests that two tankers switched off their AIS near Nampo."));
        assertEquals(List.of("Northsea Signals"), f.attributedTo(), f.why()::toString);
    }

    @Test
    void anOfficialOfNoStateIsUnnamedAndTheOfficialPointsBackToThem() {
        String text = "A senior US official said Russia had sent Pyongyang two Pantsir systems. "
                + "Tankers carrying Russian fuel oil reached Nampo twice in June, according to a European intelligence official. "
                + "A Russian bank transferred $3 million to accounts held by a North Korean firm, the official said.";
        List<Finding> findings = extract(text);
        assertEquals(List.of("European intelligence official (unnamed)"),
                startingWith(findings, "Tankers").attributedTo(), findings::toString);
        assertEquals(List.of("European intelligence official (unnamed)"),
                startingWith(findings, "A Russian bank").attributedTo(), findings::toString);
    }

    @Test
    void goodsBoundForAStateGoThere() {
        Finding f = only(extract("Analysts said the flatcars probably carried howitzers bound for Russia."));
        assertEquals(Category.ARMS_TRANSFER, f.category(), f.why()::toString);
        assertEquals("RUS", f.to(), f.why()::toString);
        assertEquals(Certainty.SPECULATIVE, f.certainty(), f.why()::toString);
    }

    @Test
    void aVerificationVerbBeforeItsClauseIsNoTransferVerb() {
        Finding f = only(extract("Investigators established that the machine tools were destined for a North Korean trading company."));
        assertTrue(f.why().contains("trigger:destined for(give)"), f.why()::toString);
        assertEquals("PRK", f.to(), f.why()::toString);
    }

    @Test
    void aCustomsServiceIsItsGovernment() {
        Finding f = only(extract("Japan's customs authority said 12 used excavators had been exported to North Korea through Busan."));
        assertEquals(List.of("Japan"), f.attributedTo(), f.why()::toString);
    }

    private static Finding startingWith(List<Finding> findings, String evidenceStart) {
        return findings.stream().filter(f -> f.evidence().startsWith(evidenceStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding in \"" + evidenceStart + "...\": " + findings));
    }

    @Test
    void aJournalistsQuestionTurnInABriefingClaimsNothing() {
        String text = """
                QUESTION (Daily Tribune): A think tank says North Korea shipped 300 howitzers to Russia in March. Is that right?

                SPOKESPERSON LEE: We believe Russia sent about 200 technicians to Pyongyang in April.
                """;
        Finding f = only(extract(text, "2025-06-01"));
        assertEquals("RUS", f.from());
        assertTrue(f.evidence().contains("We believe"), f.evidence());
    }

    @Test
    void satelliteImageryAndALoadingBerthAreNoItems() {
        assertEquals(List.of(), extract("Investigators studied satellite imagery of the oil berths at a northern port."));
    }

    @Test
    void goodsThatCrossedFromOneStateIntoAnotherMoveThatWay() {
        Finding f = only(extract("Around 300 wagons of artillery shells crossed from North Korea into Russia in May."));
        assertEquals(Category.MUNITIONS_TRANSFER, f.category());
        assertEquals("PRK", f.from());
        assertEquals("RUS", f.to());
        assertEquals(300, f.quantity().value());
        assertEquals("wagons", f.quantity().unit());
    }

    @Test
    void aKoreanFinancialIntelligenceUnitSpeaksForSouthKorea() {
        Finding f = only(extract("The Korea Financial Intelligence Unit said a front company in Thailand moved $2 million for a North Korean bank."));
        assertEquals(List.of("South Korea"), f.attributedTo());
    }

    @Test
    void adviceToTheReaderOnWhatToReportClaimsNothing() {
        assertEquals(List.of(), extract(
                "Exporters should consider reporting any customer who asks them to ship machine tools to North Korea via Dalian."));
    }

    @Test
    void aBodyThatOnlyHandedOverRecordsIsNoSourceOfTheClaimsAfterIt() {
        String text = "The monitors obtained port logs from a Member State. North Korea shipped 3,000 tonnes of coal to Vietnam in May 2025.";
        Finding f = only(extract(text));
        assertEquals(List.of(), f.attributedTo(), f.why()::toString);
        assertTrue(f.why().stream().noneMatch(w -> w.contains("Member State")), f.why()::toString);
    }

    @Test
    void aBodyThatHandedOverInformationThatSomethingHappenedIsItsSource() {
        Finding f = only(extract("The monitors obtained information from a Member State that North Korea shipped 3,000 tonnes of coal to Vietnam."));
        assertEquals(List.of("Member State (unnamed)"), f.attributedTo());
    }

    @Test
    void ourMinistryInADocumentAGovernmentIssuesIsThatGovernment() {
        String issued = """
                MINISTRY OF DEFENCE OF JAPAN
                Weekly press conference (excerpt)

                MINISTER: Our defence ministry has found that Russia sent about 200 technicians to Pyongyang in April.
                """;
        assertEquals(List.of("Japan"), only(extract(issued)).attributedTo());
    }

    @Test
    void aCountOfOccasionsStatedApartFromTheItemIsItsQuantity() {
        Finding f = only(extract("Barges loaded with Russian gasoline were received at Songnim on at least six occasions in 2024."));
        assertEquals(Category.PETROLEUM_TRANSFER, f.category());
        assertEquals(6, f.quantity().value());
        assertEquals("occasions", f.quantity().unit());
    }

    @Test
    void menCountedApartFromTheirWorkIsAHeadCount() {
        Finding f = only(extract("Roughly 60 men from the province were sent to Russia to work on construction sites."));
        assertEquals(Category.OVERSEAS_LABOR, f.category());
        assertEquals(60, f.quantity().value());
        assertEquals("men", f.quantity().unit());
    }
}
