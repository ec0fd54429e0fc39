/* The unit-test binary's main: sets up what the modules expect from
 * tandem.c (libsodium, the configuration), then runs every suite. The exit
 * status is the total number of failed tests (capped), so 0 means all passed. */
#include <sodium.h>
#include <stdio.h>

#include "../../cgi-bin/core/config.h"
#include "unit.h"
int main(void)
{
    static config cfg;
    char err[256];
    if (sodium_init() < 0) {
        fprintf(stderr, "unit-tests: sodium_init failed\n");
        return 1;
    }
    if (config_load(&cfg, err, sizeof err) != 0) {
        fprintf(stderr, "unit-tests: %s\n", err);
        return 1;
    }
    tandem_config = &cfg;

    int failed = 0;
    failed += run_mem_tests();
    failed += run_form_tests();
    failed += run_validate_tests();
    failed += run_router_tests();
    failed += run_tpl_tests();
    failed += run_session_tests();
    failed += run_response_tests();
    failed += run_import_tests();
    failed += run_richtext_tests();
    failed += run_atom_tests();
    failed += run_mail_tests();
    failed += run_voice_tests();
    failed += run_sealed_tests();
    failed += run_oidc_tests();
    if (failed)
        fprintf(stderr, "unit-tests: %d test(s) failed\n", failed);
    return failed > 125 ? 125 : failed;
}
