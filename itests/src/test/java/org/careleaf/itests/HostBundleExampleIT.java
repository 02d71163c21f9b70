package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.CalloutLevel;
import org.careleaf.model.CatalogView;
import org.careleaf.model.Code;
import org.careleaf.model.ReviewStatus;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleView;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What docs/java-api.md shows a HIS bundle doing with the Java API, done by a bundle running in the
 * same Karaf: find the catalog, pick modules for a patient's codes in their language, show the urgent
 * callouts, and hear about changes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostBundleExampleIT extends CareleafTestSupport {

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    @Test
    public void aHostBundlePicksModulesForAPatient() throws Exception {
        ServiceTracker<EducationCatalog, EducationCatalog> tracker = new ServiceTracker<>(context, EducationCatalog.class,
                null);
        tracker.open();
        try {
            EducationCatalog education = tracker.waitForService(10_000);

            // A patient with castration-resistant disease (ICD-10-CM Z19.2) who reads Spanish (Mexico)
            CatalogView spanish = education.view("es-MX");
            List<ModuleView> forPatient = spanish.modulesFor(
                    List.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "Z19.2", null)), List.of()).modules();
            assertFalse(forPatient.isEmpty());
            for (ModuleView v : forPatient) {
                assertEquals("es", v.requested());
                assertTrue(v.content().hasCode("2.16.840.1.113883.6.90", "Z19.2"));
            }

            // The same patient asks about treatment only (MeSH qualifier Q000628 "therapy")
            List<ModuleView> treatment = spanish.modulesFor(List.of(new Code("2.16.840.1.113883.6.90", "C61", null)),
                    List.of(new Code("2.16.840.1.113883.6.177", "Q000628", "therapy"))).modules();
            assertTrue(treatment.stream().anyMatch(v -> v.id().equals("mpc-chemotherapy")));
            assertTrue(treatment.stream().noneMatch(v -> v.id().equals("mpc-outlook")));
            assertTrue(treatment.size() < spanish.size());

            // The chemotherapy module's urgent advice, to print on the patient's discharge sheet
            ModuleView chemo = spanish.module("mpc-chemotherapy").orElseThrow();
            List<Block> urgent = chemo.content().parts().stream().flatMap(s -> s.blocks().stream())
                    .filter(b -> b.type() == BlockType.CALLOUT && b.level() == CalloutLevel.URGENT).toList();
            assertFalse(urgent.isEmpty());
            assertTrue("served in Spanish, with nothing falling back", chemo.fallbackIds().isEmpty());
            assertEquals(ReviewStatus.NOT_CLINICALLY_REVIEWED, chemo.content().review().status());
        } finally {
            tracker.close();
        }
    }

    @Test
    public void aHostBundleHearsWhenModulesChange() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, EducationCatalog.TOPIC_PREFIX + "*");
        ServiceRegistration<EventHandler> reg = context.registerService(EventHandler.class, events::add, props);
        Bundle trials = bundle("org.careleaf.content.mpc.clinical-trials");
        try {
            trials.stop();
            Event removed = awaitEvent(events, EducationCatalog.TOPIC_PREFIX + "MODULE_REMOVED");
            assertEquals("mpc-clinical-trials", removed.getProperty("module"));
            trials.start();
            Event added = awaitEvent(events, EducationCatalog.TOPIC_PREFIX + "MODULE_ADDED");
            assertEquals("mpc-clinical-trials", added.getProperty("module"));
        } finally {
            reg.unregister();
            if (trials.getState() != Bundle.ACTIVE) {
                trials.start();
            }
        }
    }
}
