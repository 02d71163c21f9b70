package org.careleaf.fhirvalidator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

import java.util.Set;

import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.r5.utils.validation.IValidationPolicyAdvisor.AdditionalBindingPurpose;
import org.hl7.fhir.r5.utils.validation.IValidationPolicyAdvisor.CodedContentValidationAction;
import org.hl7.fhir.r5.utils.validation.constants.BindingKind;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerFactory;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.ValidatorUtils;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * The HL7 FHIR validator's instance validator on FHIR R4 (4.0.1), offline: the core definitions come from
 * a jar on the class path, not from a package server, and no terminology server is asked (codes in
 * systems the definitions do not hold, such as LOINC and SNOMED CT, are reported as not checked).
 *
 * <p>Used through {@link Function} only, so that callers in another class loader need none of its types:
 * JSON in, one line per message out, {@code LEVEL|location|message}.
 */
public final class R4Validator implements Function<String, List<String>> {

    private static final String MIME_TYPES = "http://hl7.org/fhir/ValueSet/mimetypes";
    private static final String DEFINITIONS = "/org/hl7/fhir/r4/model/";
    /** What the view's resources need: types, resources, their value sets and the v3 code systems. */
    private static final List<String> FILES = List.of("profile/profiles-types.xml", "profile/profiles-resources.xml",
            "valueset/valuesets.xml", "valueset/v3-codesystems.xml");

    private final InstanceValidator validator;

    public R4Validator() {
        try {
            SimpleWorkerContext loading = new SimpleWorkerContext.SimpleWorkerContextBuilder().fromNothing();
            // R4's valuesets.xml repeats a code system the empty context already holds (spdx-license)
            loading.setAllowLoadingDuplicates(true);
            var loader = ValidatorUtils.loaderForVersion("4.0.1");
            for (String f : FILES) {
                try (InputStream in = R4Validator.class.getResourceAsStream(DEFINITIONS + f)) {
                    loading.loadFromFile(new ByteArrayInputStream(in.readAllBytes()), f.substring(f.indexOf('/') + 1), loader);
                }
            }
            SimpleWorkerContext context = new R4Context(loading);
            context.setCanRunWithoutTerminology(true);
            validator = new InstanceValidator(context, null, XVerExtensionManagerFactory.createExtensionManager(context),
                    new ValidatorSession(), new ValidatorSettings());
            validator.setPolicyAdvisor(new OfflinePolicy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized List<String> apply(String json) {
        List<ValidationMessage> messages = new ArrayList<>();
        try {
            validator.validate(null, messages, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FhirFormat.JSON);
        } catch (Exception e) {
            throw new IllegalStateException("the validator failed: " + e, e);
        }
        List<String> out = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            out.add(m.getLevel() + "|" + m.getLocation() + "|" + m.getMessage());
        }
        return out;
    }

    /**
     * MIME types (BCP 13, a required binding of Attachment.contentType and CapabilityStatement.format) can
     * only be checked by a terminology server, which this offline validator has not: the check of that one
     * value set is left out (the FHIR view's tests assert the types), every other binding is checked.
     */
    private static final class OfflinePolicy extends BasePolicyAdvisorForFullValidation {
        OfflinePolicy() {
            // references are checked for form and type by the tests themselves; nothing to fetch them from here
            super(ReferenceValidationPolicy.IGNORE, Set.of());
        }

        @Override
        public EnumSet<CodedContentValidationAction> policyForCodedContent(IResourceValidator validator, Object appContext,
                String stackPath, ElementDefinition definition, StructureDefinition structure, BindingKind kind,
                AdditionalBindingPurpose purpose, ValueSet valueSet, List<String> systems) {
            if (valueSet != null && MIME_TYPES.equals(valueSet.getUrl())) {
                return EnumSet.noneOf(CodedContentValidationAction.class);
            }
            return super.policyForCodedContent(validator, appContext, stackPath, definition, structure, kind, purpose,
                    valueSet, systems);
        }
    }

    /** A context that says which FHIR version its definitions describe (loading files does not set it). */
    private static final class R4Context extends SimpleWorkerContext {
        R4Context(SimpleWorkerContext loaded) throws IOException {
            super(loaded);
            version = "4.0.1";
        }
    }
}
