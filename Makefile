# Used by `sam build` (Metadata: BuildMethod: makefile, CodeUri: .): each target builds one function
# with the Maven wrapper and puts its shaded jar where the java21 runtime looks for jars (lib/).
MVN ?= ./mvnw -q -B -DskipTests

.PHONY: build-ProcessorFunction build-ApiFunction

build-ProcessorFunction:
	$(MVN) -pl functions/processor -am package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/processor/target/processor.jar "$(ARTIFACTS_DIR)/lib/"

build-ApiFunction:
	$(MVN) -pl functions/api -am package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/api/target/api.jar "$(ARTIFACTS_DIR)/lib/"
