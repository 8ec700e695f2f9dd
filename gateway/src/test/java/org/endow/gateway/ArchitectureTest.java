package org.endow.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.endow.platform.testing.ArchitectureRules;

@AnalyzeClasses(packages = "org.endow.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule model_is_framework_free = ArchitectureRules.MODEL_IS_FRAMEWORK_FREE;

    @ArchTest
    static final ArchRule application_does_not_use_infrastructure =
            ArchitectureRules.APPLICATION_DOES_NOT_USE_INFRASTRUCTURE;

    @ArchTest
    static final ArchRule model_does_not_use_outer_layers = ArchitectureRules.MODEL_DOES_NOT_USE_OUTER_LAYERS;
}
