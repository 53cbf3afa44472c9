package io.sanctionsmonitor.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who a claim is attributed to across sentences and paragraphs. Texts written for these tests, one rule each. */
class AttributionTest {

    private static final RuleBasedFindingExtractor EXTRACTOR = new RuleBasedFindingExtractor();

    private static List<Finding> extract(String text) {
        return EXTRACTOR.extract(new ParsedReport(text, new ReportMetadata("text", null, "2025-06-01", null, null)));
    }

    private static Finding startingWith(List<Finding> findings, String evidenceStart) {
        return findings.stream().filter(f -> f.evidence().startsWith(evidenceStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding in \"" + evidenceStart + "...\": " + findings));
    }

    @Test
    void anOutletThatObtainedTheReportIsNotItsSource() {
        List<Finding> findings = extract("The UN Panel of Experts' annual report, seen last week by Reuters, details 12 tankers that "
                + "delivered diesel to North Korea.\n\nA Chinese broker also sold North Korea 30 luxury cars, the report said.");
        Finding cars = startingWith(findings, "A Chinese broker");
        assertEquals(List.of("UN Panel of Experts"), cars.attributedTo(), cars.why()::toString);
        Finding diesel = startingWith(findings, "The UN Panel");
        assertTrue(diesel.why().contains("not-source:Reuters (obtained the report)"), diesel.why()::toString);
    }

    @Test
    void aSourceNamedAtTheEndOfItsSentenceDoesNotCarryIntoTheNextParagraph() {
        List<Finding> findings = extract("North Korea shipped 500 rockets to Russia in April, the Pentagon said.\n\n"
                + "A Russian bank opened accounts for a North Korean trading company.");
        assertEquals(List.of("United States"), startingWith(findings, "North Korea shipped").attributedTo());
        assertEquals(List.of(), startingWith(findings, "A Russian bank").attributedTo());
    }

    @Test
    void aSourceNamedFirstFramesTheNextParagraph() {
        List<Finding> findings = extract("The Pentagon said that North Korea shipped 500 rockets to Russia in April.\n\n"
                + "A Russian bank opened accounts for a North Korean trading company.");
        assertEquals(List.of("United States"), startingWith(findings, "A Russian bank").attributedTo());
    }

    @Test
    void pointingBackAfterATrailingSourceKeepsItsStanding() {
        List<Finding> findings = extract("North Korean brokers offered rifles to militias in Sudan, "
                + "the UN Panel of Experts said it is investigating.\n\n"
                + "The panel said a bank in Dubai also moved $2 million for a North Korean front company.");
        Finding bank = startingWith(findings, "The panel said a bank");
        assertEquals(List.of("UN Panel of Experts"), bank.attributedTo());
        assertEquals(Certainty.ALLEGED, bank.certainty(), bank.why()::toString);
    }

    @Test
    void theWritersBackgroundAfterAStatementHasNoSource() {
        List<Finding> findings = extract("Seoul's spy agency said the North had sent 3,000 more troops to Russia.\n\n"
                + "The statement comes as Russia delivers fighter jets to North Korea.");
        Finding jets = startingWith(findings, "The statement comes as");
        assertEquals(List.of(), jets.attributedTo());
        assertTrue(jets.why().contains("source:own-voice (background)"), jets.why()::toString);
    }

    @Test
    void anUnnamedBodyIsNamedByItsDescription() {
        Finding f = startingWith(extract("Russia sent 20 Pantsir systems to North Korea, according to a Finnish defence think tank."),
                "Russia sent");
        assertEquals(List.of("Finnish defence think tank (unnamed)"), f.attributedTo());
        Finding at = startingWith(extract("Analysts at the Open Source Centre estimate that Russia sent 20 Pantsir systems to North Korea."),
                "Analysts at");
        assertEquals(List.of("Open Source Centre"), at.attributedTo(), "analysts of a named body are that body");
        Finding opening = startingWith(extract("Researchers say Russia sent 20 Pantsir systems to North Korea."), "Researchers");
        assertEquals(List.of("researchers (unnamed)"), opening.attributedTo());
    }

    @Test
    void aSourceQuotedInsideAnEarlierSpeakersWordsDoesNotTakeOver() {
        List<Finding> findings = extract("North Korea has sent artillery shells to Russia, The New York Times reported.\n\n"
                + "\"Pyongyang also shipped 40 howitzers, according to a Polish think tank,\" it added.\n\n"
                + "\"Russia in turn sent 10,000 barrels of diesel to North Korea,\" it said.");
        Finding diesel = startingWith(findings, "\"Russia in turn");
        assertEquals(List.of("The New York Times"), diesel.attributedTo(), diesel.why()::toString);
    }

    @Test
    void elsewhereTurnsToTheWritersOwnAccount() {
        List<Finding> findings = extract("According to the MSMT, Russia sent 30 Pantsir systems to North Korea in 2024. "
                + "Elsewhere, North Korean crews have shipped coal to Chinese ports.");
        Finding coal = startingWith(findings, "Elsewhere");
        assertEquals(List.of(), coal.attributedTo(), coal.why()::toString);
    }

    @Test
    void whatWasGivenInReturnIsNotWhatWasConfirmed() {
        List<Finding> findings = extract("The MSMT confirmed that Russia delivered two Pantsir systems to North Korea "
                + "in return for the deployment of 10,000 troops.");
        Finding pantsir = findings.stream().filter(f -> f.items().contains("Pantsir")).findFirst().orElseThrow();
        Finding troops = findings.stream().filter(f -> f.items().contains("troops")).findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals(Certainty.CONFIRMED, pantsir.certainty());
        assertEquals(Certainty.REPORTED, troops.certainty(), troops.why()::toString);
    }

    @Test
    void aStateWordDescribingAnUnnamedBodyIsNotAGovernmentSource() {
        Finding f = startingWith(extract("Russia sent 200 trucks of diesel to North Korea, according to Japanese researchers."),
                "Russia sent");
        assertEquals(List.of("Japanese researchers (unnamed)"), f.attributedTo());
    }

    @Test
    void aCustomsOfficialSpeaksForTheState() {
        Finding f = startingWith(extract("A Polish customs official said a broker shipped 20 luxury cars to North Korea."),
                "A Polish");
        assertEquals(List.of("Poland"), f.attributedTo());
    }

    @Test
    void theIntelligenceOfficialIsTheStateWhoseIntelligenceOfficialsSpokeLast() {
        List<Finding> findings = extract("Japanese intelligence officials said North Korea sent 2,000 workers to Russia.\n\n"
                + "In Moscow, a Russian minister said the workers were welcome.\n\n"
                + "The intelligence official said 600 more workers were sent to Russian farms in 2025.");
        Finding farms = startingWith(findings, "The intelligence official");
        assertEquals(List.of("Japan"), farms.attributedTo(), farms.why()::toString);
    }

    @Test
    void whatAnInvestigationFoundIsReportedNotSuspected() {
        Finding f = startingWith(extract("Russia sent 40 Pantsir systems to North Korea, according to a Reuters investigation."),
                "Russia sent");
        assertEquals(Certainty.REPORTED, f.certainty(), f.why()::toString);
        Finding open = startingWith(extract("The panel of experts is investigating whether Russia sent 40 Pantsir systems to North Korea."),
                "The panel");
        assertEquals(Certainty.ALLEGED, open.certainty(), "an investigation still under way keeps the claim alleged");
    }

    @Test
    void asTheSourceNotedCreditsWhatTheSentenceBeforeSaid() {
        List<Finding> findings = extract("North Korean embassies have smuggled gold bars to fund the regime's purchases. "
                + "As the UN Panel of Experts noted in its 2019 report, diplomats carry the gold in sealed pouches.");
        Finding gold = startingWith(findings, "North Korean embassies");
        assertEquals(List.of("UN Panel of Experts"), gold.attributedTo(), gold.why()::toString);
        List<Finding> apart = extract("North Korean embassies have smuggled gold bars to fund the regime's purchases.\n\n"
                + "As the UN Panel of Experts noted in its 2019 report, diplomats carry the gold in sealed pouches.");
        assertEquals(List.of(), startingWith(apart, "North Korean embassies").attributedTo(), "not across a paragraph");
    }

    @Test
    void aNameTheLexiconDoesNotKnowIsASourceByItsPlace() {
        Finding study = only(extract("North Korean IT workers earned $90 million in 2024, according to a study released by "
                + "Harbor Line Research, a consultancy in Singapore."));
        assertEquals(List.of("Harbor Line Research"), study.attributedTo(), study.why()::toString);
        Finding analysts = only(extract("Analysts at Meridian Chain estimate that hackers stole $70 million in cryptocurrency "
                + "from a Thai exchange."));
        assertEquals(List.of("Meridian Chain"), analysts.attributedTo(), analysts.why()::toString);
    }

    @Test
    void aBodySharedWithIsNotASource() {
        Finding f = only(extract("South Korea's foreign ministry shared evidence with the Multilateral Sanctions Monitoring Team "
                + "that a Hong Kong broker sold North Korea 40 trucks."));
        assertEquals(List.of("South Korea"), f.attributedTo(), f.why()::toString);
        assertTrue(f.why().contains("not-source:Multilateral Sanctions Monitoring Team (spoken to)"), f.why()::toString);
    }

    @Test
    void theMinistryPointsBackToTheStateOfTheMinistryNamedBefore() {
        List<Finding> findings = extract("The Ministry of Foreign Affairs announced new measures on Monday.\n\n"
                + "In another case, the ministry confirmed that North Korean workers had been employed at a shipyard in Vladivostok.");
        Finding f = startingWith(findings, "In another case");
        assertEquals(List.of("South Korea"), f.attributedTo(), f.why()::toString);
        assertEquals(Certainty.CONFIRMED, f.certainty(), f.why()::toString);
    }

    @Test
    void aVerbOfVerificationSpeaksForItsOwnSentenceAndASuspicionEndsWithItsParagraph() {
        List<Finding> findings = extract("The Pentagon is investigating reports that Russia sent fighter jets to North Korea.\n\n"
                + "Russia also delivered two radars to North Korea.\n\nInvestigators found that Russia also sold North Korea 30 trucks.");
        Finding radars = startingWith(findings, "Russia also delivered");
        assertEquals(Certainty.REPORTED, radars.certainty(), radars.why()::toString);
        assertEquals(List.of("United States"), radars.attributedTo());
        Finding trucks = startingWith(findings, "Investigators found");
        assertEquals(Certainty.CONFIRMED, trucks.certainty(), trucks.why()::toString);
        assertEquals(List.of("United States"), trucks.attributedTo());
    }

    @Test
    void pointingBackToTheRunningSourceAtTheEndOfASentenceKeepsItRunning() {
        List<Finding> findings = extract("According to a report by the UN Panel of Experts, tankers delivered 200,000 barrels "
                + "of diesel to North Korea in 2024.\n\nThe estimate may be low, the report's authors wrote.\n\n"
                + "Several tankers also switched off their AIS near Nampo.");
        Finding dark = startingWith(findings, "Several tankers");
        assertEquals(List.of("UN Panel of Experts"), dark.attributedTo(), dark.why()::toString);
    }

    @Test
    void aMemberStateLeftUnnamedIsGivenByItsDescription() {
        Finding f = only(extract("According to one Member State, North Korea sold 300 rifles to a militia in Sudan."));
        assertEquals(List.of("Member State (unnamed)"), f.attributedTo(), f.why()::toString);
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        return findings.get(0);
    }

    @Test
    void aNewSpeakerInATranscriptDoesNotInheritTheLastSpeakersSource() {
        List<Finding> findings = extract("MINISTER: According to the UN Panel of Experts, Russia delivered fuel to North Korea.\n\n"
                + "SENATOR LEE: Thank you.\n\nMINISTER: North Korea also shipped coal to Vietnam.");
        assertEquals(List.of("UN Panel of Experts"), startingWith(findings, "MINISTER: According").attributedTo());
        Finding coal = startingWith(findings, "MINISTER: North Korea");
        assertEquals(List.of(), coal.attributedTo(), coal.why()::toString);
    }

    @Test
    void aBodySomethingIsPassedToIsNotTheSource() {
        List<Finding> findings = extract("The coast guard handed its photographs to the UN Panel of Experts.\n\n"
                + "A Chinese tanker delivered diesel to North Korea.");
        Finding f = startingWith(findings, "A Chinese tanker");
        assertEquals(List.of(), f.attributedTo(), f.why()::toString);
        Finding cited = only(extract("According to the UN Panel of Experts, a Chinese tanker delivered diesel to North Korea."));
        assertEquals(List.of("UN Panel of Experts"), cited.attributedTo(), "after 'according to' the body speaks");
    }

    @Test
    void theIndictmentSpeaksForTheDepartmentThatBroughtIt() {
        List<Finding> findings = extract("The Justice Department unsealed charges against two traders on Monday.\n\n"
                + "According to the indictment, a Singapore firm sold 30 trucks to North Korea.");
        Finding f = startingWith(findings, "According to the indictment");
        assertEquals(List.of("United States"), f.attributedTo(), f.why()::toString);
        assertEquals(Certainty.ALLEGED, f.certainty(), f.why()::toString);
    }

}
