# Tandem. `make run` sets everything up and serves it; `make test` tests it.
# Everything that needs installing is installed by scripts/deps.sh.

CC      ?= gcc
CXX     ?= g++
PKGS     = libpq libsodium libxml-2.0 libctemplate libcmark-gfm libcurl cjose jansson
WARN     = -Wall -Wextra -Werror -Wno-missing-field-initializers
HARDEN   = -D_FORTIFY_SOURCE=2 -fstack-protector-strong
OPT     ?= -O2
CFLAGS  += -std=c11 -D_DEFAULT_SOURCE $(WARN) $(OPT) $(HARDEN) -g $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CXXFLAGS+= -std=c++17 $(WARN) $(OPT) $(HARDEN) -g $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += -lfcgi -lcsv -lpthread $(shell pkg-config --libs $(PKGS) 2>/dev/null)
BUILD   ?= build/release
BIN     ?= cgi-bin/tandem

# SANITIZE=1: AddressSanitizer and UndefinedBehaviorSanitizer, in a build of
# its own so that it never mixes with the release objects.
ifeq ($(SANITIZE),1)
BUILD    = build/asan
BIN      = build/asan/tandem
OPT      = -O1
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
CFLAGS  += $(SAN)
CXXFLAGS+= $(SAN)
LDFLAGS += $(SAN)
endif

# Table rows (routes, fields) leave optional trailing members out on purpose,
# hence -Wno-missing-field-initializers.
# Every C source of the program; main is in tandem.c.
SRC_C   := $(filter-out cgi-bin/tandem.c,$(wildcard cgi-bin/*.c cgi-bin/*/*.c))
SRC_CXX := $(wildcard cgi-bin/core/*.cc)
OBJ     := $(SRC_C:cgi-bin/%.c=$(BUILD)/%.o) $(SRC_CXX:cgi-bin/%.cc=$(BUILD)/%.o)
UNIT    := $(wildcard tests/unit/test_*.c)

export TANDEM_VAR ?= $(CURDIR)/var
export PORT ?= 8080

.PHONY: all unit deps assets run start stop test test-unit test-e2e test-asan bench fuzz clean format

all: $(BIN) assets

$(BIN): $(OBJ) $(BUILD)/tandem.o
	@mkdir -p $(dir $@)
	$(CXX) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BUILD)/%.o: cgi-bin/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: cgi-bin/%.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJ:.o=.d) $(BUILD)/tandem.d

# Unit tests link every module except main, against cmocka.
$(BUILD)/unit-tests: $(UNIT) $(OBJ) tests/unit/unit.h
	$(CC) $(CFLAGS) $(UNIT) $(OBJ) -o $@ $(LDFLAGS) $(LDLIBS) -lstdc++ -lcmocka

unit: $(BUILD)/unit-tests

deps:
	@scripts/deps.sh

# Front-end assets: govuk-frontend built from its Sass sources (npm).
assets: public/vendor/tandem.css
public/vendor/tandem.css: package.json $(wildcard public/scss/*)
	@[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build:css

run: deps all
	@scripts/stack.sh run

start: deps all
	@scripts/stack.sh start

stop:
	@scripts/stack.sh stop

test: deps
	@scripts/test.sh

# The whole suite again with AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	@SANITIZE=1 scripts/test.sh

bench: deps all
	@scripts/bench.sh

fuzz: deps
	@scripts/fuzz.sh

clean:
	rm -rf build $(BIN) public/vendor

format:
	clang-format -i cgi-bin/*.[ch] cgi-bin/*/*.[ch] cgi-bin/core/*.cc tests/unit/*.[ch] tests/fuzz/*.c
