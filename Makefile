# Watchroom: `make demo` and `make test` do the whole set-up on a fresh Debian machine.
VENV := .venv
PY := $(VENV)/bin/python
ONLY ?=

.PHONY: setup demo test bench soak lint translations clean-bench fuzz schema-revision package package-test package-chroot-test package-vm-test

setup:
	@bash scripts/setup.sh

# PROFILE=commander: the commander's display (read-only, the platform's viewer account);
# DEMO_ARGS go to the client (e.g. DEMO_ARGS="--panel video").
PROFILE ?= duty
DEMO_ARGS ?=
demo: setup
	@PROFILE=$(PROFILE) bash scripts/demo.sh $(DEMO_ARGS)

test: setup
	$(VENV)/bin/ruff check app views widgets services offline_cache server tests
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

bench: setup
	$(PY) -m tests.benchmarks.run $(ONLY)

# The fault tests at length: SOAK times the rounds, writes and kills of CI's runs.
SOAK ?= 10
soak: setup
	WATCHROOM_SOAK=$(SOAK) WATCHROOM_SOAK_SEED=$$(date +%s) QT_QPA_PLATFORM=offscreen \
	  $(PY) -m pytest -q -p no:cacheprovider tests/sync/test_faults.py tests/sync/test_sigkill.py \
	  tests/sync/test_thin_link.py

# schemathesis against the platform's OpenAPI with a token of each role, on loopback, for FUZZ seconds in all;
# fails on any 5xx or answer that breaks the document. (make test runs a short one: tests/fuzz/.)
FUZZ ?= 300
fuzz: setup
	$(PY) -m tests.fuzz.run --seconds $(FUZZ)

lint: setup
	$(VENV)/bin/ruff check app views widgets services offline_cache server tests
	$(VENV)/bin/lint-imports

# Compile the .ts catalogues (resources/i18n/, edited by hand or with pyside6-lupdate) into the .qm the program loads.
translations: setup
	$(PY) -m app.i18n_build

# A draft platform schema revision (server/schema/migrations/versions/) from what the models added:
# make schema-revision MSG="audit log"; then read it and finish it (server/schema/migrations/versions/README.md).
MSG ?=
schema-revision: setup
	@test -n "$(MSG)" || { echo 'usage: make schema-revision MSG="what changes"'; exit 2; }
	$(PY) -m server.schema.draft "$(MSG)"

clean-bench:
	rm -rf var/bench

# The Debian packages (packaging/build.sh): dist/watchroom_<version>_<arch>.deb and
# dist/watchroom-server_<version>_<arch>.deb. Not part of `make test`.
package: setup
	bash packaging/build.sh

# Unpacks the built packages into a fresh folder and runs them from there (packaging/install_test.sh).
package-test:
	bash packaging/install_test.sh

# The maintainer scripts under a real dpkg in a Debian 12 chroot (root, debootstrap, a Debian mirror):
# install, upgrade, remove, purge (packaging/chroot_test.sh).
package-chroot-test:
	bash packaging/chroot_test.sh

# The packages under a running systemd: a Debian 12 VM (QEMU; KVM when it can boot Debian's kernel),
# server install, kill -9, reboot, upgrade, the warm mirror's unit, remove, purge (packaging/vm_test.sh).
# Root; needs dist/ from `make package`; the VM image is made once (debootstrap, a Debian mirror).
package-vm-test:
	bash packaging/vm_test.sh
