package org.dak.testsupport;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service's code keeps, as ArchUnit rules; each service's
 * {@code *ArchitectureTest} checks them on its own classes, so a change that breaks one
 * fails that service's build in seconds.
 * <ul>
 * <li>its feature packages depend on each other in one direction only (no cycles);</li>
 * <li>the domain speaks no HTTP: only the web edge (controllers, the access rules, pages,
 * web filters and HTTP client adapters) uses {@code org.springframework.http} or
 * {@code org.springframework.web}; aggregates and domain services refuse with a
 * {@code Refusal}, which the problem handler answers;</li>
 * <li>a controller reaches the repositories of its own feature only; another feature's
 * data it gets through that feature's services.</li>
 * </ul>
 */
public final class ServiceArchitecture {

	private static final Set<String> WEB_EDGE_ANNOTATIONS = Set.of(
			"org.springframework.web.bind.annotation.RestController", "org.springframework.stereotype.Controller",
			"org.springframework.web.bind.annotation.RestControllerAdvice",
			"org.springframework.web.bind.annotation.ControllerAdvice");

	private ServiceArchitecture() {
	}

	/** The service's own classes, without its tests. */
	public static JavaClasses classesOf(String basePackage) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
	}

	public static ArchRule featurePackagesAreFreeOfCycles(String basePackage) {
		return slices().matching(basePackage + ".(*)..")
			.namingSlices("feature $1")
			.should()
			.beFreeOfCycles()
			.because("a feature that depends on another in both directions cannot be understood or changed alone");
	}

	public static ArchRule theDomainSpeaksNoHttp(String basePackage) {
		return noClasses().that()
			.resideInAPackage(basePackage + "..")
			.and(not(webEdge()))
			.should()
			.dependOnClassesThat(http())
			.because("aggregates and domain services say no with a Refusal; the web edge turns it into HTTP");
	}

	public static ArchRule controllersReachOnlyTheirOwnFeaturesRepositories(String basePackage) {
		return classes().that()
			.resideInAPackage(basePackage + "..")
			.and(webEdge())
			.should(new ArchCondition<>("reach only the repositories of their own feature") {

				@Override
				public void check(JavaClass controller, ConditionEvents events) {
					for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
						JavaClass target = dependency.getTargetClass();
						if (target.isAssignableTo("org.springframework.data.repository.Repository")
								&& !target.getPackageName().equals(controller.getPackageName())) {
							events.add(SimpleConditionEvent.violated(controller, dependency.getDescription()));
						}
					}
				}

			});
	}

	/**
	 * The web edge: controllers and their advice, the access rules ({@code *Access}),
	 * server-rendered pages ({@code *Page}, {@code *Pages}), web filters, interceptors
	 * and their configuration, and adapters that call out over HTTP ({@code Http*}).
	 */
	static DescribedPredicate<JavaClass> webEdge() {
		return DescribedPredicate.describe("the web edge", (javaClass) -> {
			JavaClass outer = javaClass.getEnclosingClass().orElse(javaClass);
			String name = outer.getSimpleName();
			return WEB_EDGE_ANNOTATIONS.stream().anyMatch(outer::isAnnotatedWith) || name.endsWith("Controller")
					|| name.endsWith("Access") || name.endsWith("Page") || name.endsWith("Pages")
					|| name.startsWith("Http") || outer.isAssignableTo("jakarta.servlet.Filter")
					|| outer.isAssignableTo("org.springframework.web.servlet.HandlerInterceptor")
					|| outer.isAssignableTo("org.springframework.web.servlet.config.annotation.WebMvcConfigurer");
		});
	}

	/** HTTP and web types; HTML escaping is text, not HTTP. */
	static DescribedPredicate<JavaClass> http() {
		return DescribedPredicate.describe("are HTTP or web types",
				(javaClass) -> (javaClass.getPackageName().startsWith("org.springframework.http")
						|| javaClass.getPackageName().startsWith("org.springframework.web"))
						&& !javaClass.getName().equals("org.springframework.web.util.HtmlUtils"));
	}

	private static DescribedPredicate<JavaClass> not(DescribedPredicate<JavaClass> predicate) {
		return DescribedPredicate.not(predicate);
	}

}
