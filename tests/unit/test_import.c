/* import.c: reading a CSV file of people and every check that needs no
 * database (the rest is in tests/e2e/import.test.mjs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/core/auth.h"
#include "../../cgi-bin/core/import.h"
#include "unit.h"

#define HEADER IMPORT_COLUMNS "\n"

static int setup(void **state)
{
    import_result *res = malloc(sizeof *res);
    import_init(res);
    *state = res;
    return 0;
}

static int teardown(void **state)
{
    import_free(*state);
    free(*state);
    return 0;
}

static import_result *parse(void **state, const char *csv)
{
    import_result *res = *state;
    assert_int_equal(import_parse(res, csv, strlen(csv)), 0);
    return res;
}

/* The message of the problem on line for field, or NULL. */
static const char *problem(const import_result *res, long line, const char *field)
{
    for (size_t i = 0; i < res->n_problems; i++)
        if (res->problems[i].line == line && strcmp(res->problems[i].field, field) == 0)
            return res->problems[i].message;
    return NULL;
}

static void dump(const import_result *res)
{
    for (size_t i = 0; i < res->n_problems; i++)
        print_message("  line %ld: %s: %s\n", res->problems[i].line, res->problems[i].field,
                      res->problems[i].message);
}

#define assert_no_problems(res)                                                                    \
    do {                                                                                           \
        if ((res)->problems_total) {                                                               \
            dump(res);                                                                             \
            fail_msg("expected no problems, got %zu", (res)->problems_total);                      \
        }                                                                                          \
    } while (0)

static void reads_a_good_file(void **state)
{
    import_result *res =
        parse(state, HEADER "maya.k,maya.k@example.ac.uk,Maya Kaur,student,ENG3-A,learner\n"
                            "maya.k,maya.k@example.ac.uk,Maya Kaur,student,ENG3-A,rep\n"
                            "ben.h,ben.h@example.ac.uk,\"Hughes, Ben \"\"Benny\"\"\",staff,"
                            "ENG3-A,tutor\n"
                            "rosa.d,rosa.d@example.ac.uk,Rosa Díaz,manager,,\n");
    assert_no_problems(res);
    assert_int_equal(res->n_rows, 4);
    assert_int_equal(res->n_people, 3);
    assert_string_equal(res->rows[2].display_name, "Hughes, Ben \"Benny\"");
    assert_int_equal(res->rows[2].role, ROLE_STAFF);
    assert_string_equal(res->rows[1].cohort_role, "rep");
    assert_null(res->rows[3].cohort_code);
    assert_null(res->rows[3].cohort_role);
    assert_string_equal(res->rows[3].display_name, "Rosa Díaz");
    assert_int_equal(res->rows[3].line, 5);
}

static void accepts_what_spreadsheets_write(void **state)
{
    /* A byte-order mark, CRLF, a header in capitals, spaces around values,
     * capitals in usernames and roles, blank lines and lines of empty
     * cells, a last line without a line break. */
    import_result *res = parse(state, "\xEF\xBB\xBFUsername,Email,Display_Name,Role,Cohort_Code,"
                                      "Cohort_Role\r\n"
                                      " Maya.K , maya@example.ac.uk , Maya Kaur ,Student,,\r\n"
                                      "\r\n"
                                      ",,,,,\r\n"
                                      "ben,ben@example.ac.uk,Ben,STAFF,ENG3-A,Tutor,,\r\n"
                                      "zoe,zoe@example.ac.uk,Zoë,leader,,");
    assert_no_problems(res);
    assert_int_equal(res->n_rows, 3);
    assert_string_equal(res->rows[0].username, "maya.k");
    assert_string_equal(res->rows[0].email, "maya@example.ac.uk");
    assert_string_equal(res->rows[0].display_name, "Maya Kaur");
    assert_int_equal(res->rows[0].role, ROLE_STUDENT);
    assert_int_equal(res->rows[1].line, 5);
    assert_string_equal(res->rows[1].cohort_role, "tutor");
    assert_int_equal(res->rows[2].line, 6);
    assert_int_equal(res->rows[2].role, ROLE_LEADER);
}

static void lists_every_problem_with_its_line(void **state)
{
    import_result *res = parse(state, HEADER "Amira Hassan,amira@example.ac.uk,Amira,student,,\n"
                                             "jo,not-an-email,Jo,student,,\n"
                                             "kim,kim@example.ac.uk,,student,,\n"
                                             "lee,lee@example.ac.uk,Lee,wizard,,\n"
                                             "max,max@example.ac.uk,Max,site_admin,,\n"
                                             "ned,ned@example.ac.uk,Ned,student,ENG3-A,\n"
                                             "ola,ola@example.ac.uk,Ola,student,,learner\n"
                                             "pat,pat@example.ac.uk,Pat,student,no spaces,learner\n"
                                             "quin,quin@example.ac.uk,Quin,student,ENG3-A,captain\n"
                                             "rae,rae@example.ac.uk,Rae,student\n"
                                             "sam,sam@example.ac.uk,Sam,student,,,extra\n"
                                             ",,Nobody,,,\n"
                                             "good,good@example.ac.uk,Good,student,,\n");
    assert_contains(problem(res, 2, "username"), "\"amira hassan\" is not a username");
    assert_contains(problem(res, 3, "email"), "\"not-an-email\" is not an email address");
    assert_string_equal(problem(res, 4, "display_name"), "is empty");
    assert_contains(problem(res, 5, "role"), "\"wizard\" is not a role: use student, staff");
    assert_contains(problem(res, 6, "role"), "\"site_admin\" cannot be given by an import");
    assert_contains(problem(res, 7, "cohort_role"), "is empty");
    assert_contains(problem(res, 8, "cohort_role"), "cohort_code is empty");
    assert_contains(problem(res, 9, "cohort_code"), "\"no spaces\" is not a cohort code");
    assert_contains(problem(res, 10, "cohort_role"), "\"captain\" is not a cohort role");
    assert_contains(problem(res, 11, "columns"), "has 4 columns; every line needs 6");
    assert_contains(problem(res, 12, "columns"), "has 7 columns");
    assert_string_equal(problem(res, 13, "username"), "is empty");
    assert_string_equal(problem(res, 13, "email"), "is empty");
    assert_contains(problem(res, 13, "role"), "is empty");
    assert_int_equal(res->problems_total, 14);
    assert_int_equal(res->n_problems, 14);
    /* Sorted by line, then by column. */
    for (size_t i = 1; i < res->n_problems; i++)
        assert_true(res->problems[i - 1].line < res->problems[i].line ||
                    (res->problems[i - 1].line == res->problems[i].line &&
                     res->problems[i - 1].order <= res->problems[i].order));
    assert_null(problem(res, 14, "username"));
}

static void refuses_invalid_utf8_and_control_characters(void **state)
{
    const char csv[] = HEADER "zoe,zoe@example.ac.uk,Zo\xEB,student,,\n"
                              "nul,nul@example.ac.uk,A\0B,student,,\n"
                              "bell,bell@example.ac.uk,\"Ring\x07\",student,,\n"
                              "nl,nl@example.ac.uk,\"Two\nlines\",student,,\n"
                              "ok,ok@example.ac.uk,OK,student,,\n";
    import_result *res = *state;
    assert_int_equal(import_parse(res, csv, sizeof csv - 1), 0);
    assert_contains(problem(res, 2, "display_name"), "is not UTF-8 text");
    assert_contains(problem(res, 3, "display_name"), "is not UTF-8 text");
    assert_contains(problem(res, 4, "display_name"), "control character");
    assert_contains(problem(res, 5, "display_name"), "control character");
    /* The value with a line break took two lines: the next one is line 7. */
    assert_int_equal(res->rows[res->n_rows - 1].line, 7);
    assert_int_equal(res->problems_total, 4);
}

static void names_wrong_or_missing_columns_in_the_header(void **state)
{
    import_result *res = parse(state, "username,mail,name,role\nx,x@example.ac.uk,X,student\n");
    assert_int_equal(res->problems_total, 1);
    const char *m = problem(res, 1, "header");
    assert_contains(m, "must be " IMPORT_COLUMNS);
    assert_contains(m, "missing: email, display_name, cohort_code, cohort_role");
    assert_contains(m, "not expected: \"mail\", \"name\"");
    assert_int_equal(res->n_rows, 0);
}

static void says_when_the_header_is_in_another_order(void **state)
{
    import_result *res = parse(state, "email,username,display_name,role,cohort_code,cohort_role\n"
                                      "x@example.ac.uk,x,X,student,,\n");
    assert_contains(problem(res, 1, "header"), "in another order");
    assert_int_equal(res->problems_total, 1);
}

static void says_when_values_are_separated_by_semicolons(void **state)
{
    import_result *res = parse(state, "username;email;display_name;role;cohort_code;cohort_role\n");
    assert_contains(problem(res, 1, "header"), "semicolons");
}

static void says_when_the_file_is_empty_or_has_nobody(void **state)
{
    import_result *res = parse(state, "");
    assert_contains(problem(res, 1, "header"), "the file is empty");
    import_free(res);
    import_init(res);
    res = parse(state, HEADER "\n,,,,,\n");
    assert_contains(problem(res, 4, "file"), "has nobody in it");
    assert_int_equal(res->problems_total, 1);
}

static void refuses_conflicting_duplicates_and_counts_people(void **state)
{
    import_result *res = parse(state, HEADER "amy,amy@example.ac.uk,Amy,student,ENG3-A,learner\n"
                                             "bob,bob@example.ac.uk,Bob,staff,,\n"
                                             "amy,amy@example.ac.uk,Amy,staff,PSY-Y13,tutor\n"
                                             "amy,amy@elsewhere.example,Amy,student,,\n"
                                             "bob,bob@example.ac.uk,Robert,staff,,\n");
    assert_int_equal(res->n_people, 2);
    assert_int_equal(res->problems_total, 2);
    assert_string_equal(problem(res, 5, "email"),
                        "differs from line 2, which has the same username");
    assert_string_equal(problem(res, 6, "display_name"),
                        "differs from line 3, which has the same username");
    assert_null(problem(res, 4, "email"));
}

static void reports_misplaced_and_unclosed_quotes_by_line(void **state)
{
    import_result *res = parse(state, HEADER "amy,amy@example.ac.uk,Amy,student,,\n"
                                             "bob,bob@example.ac.uk,Bob \"the\" Builder,staff,,\n"
                                             "cat,cat@example.ac.uk,Cat,staff,,\n");
    assert_contains(problem(res, 3, "file"), "a quote (\") is out of place");
    import_free(res);
    import_init(res);
    res = parse(state, HEADER "amy,amy@example.ac.uk,Amy,student,,\n"
                              "bob,bob@example.ac.uk,\"Bob,staff,,\n"
                              "cat,cat@example.ac.uk,Cat,staff,,\n");
    assert_contains(problem(res, 3, "file"), "never closed");
}

static void keeps_messages_short_and_free_of_control_characters(void **state)
{
    import_result *res =
        parse(state, HEADER "x,x@example.ac.uk,X,\"\x1b[31mred\x1b[0m"
                            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                            "aaaaaaaaaa\",,\n");
    const char *m = problem(res, 2, "role");
    assert_non_null(m);
    assert_not_contains(m, "\x1b");
    assert_contains(m, "\"?[31mred?[0maaaa");
    assert_contains(m, "aaaa…\" is not a role");
    assert_true(strlen(m) < 200);
}

static void keeps_at_most_the_first_problems(void **state)
{
    size_t lines = IMPORT_MAX_PROBLEMS + 500;
    char *csv = malloc(lines * 32 + 100);
    size_t n = (size_t)sprintf(csv, HEADER);
    for (size_t i = 0; i < lines; i++)
        n += (size_t)sprintf(csv + n, "u%zu,nope,Name,student,,\n", i);
    import_result *res = *state;
    assert_int_equal(import_parse(res, csv, n), 0);
    free(csv);
    assert_int_equal(res->problems_total, lines);
    assert_int_equal(res->n_problems, IMPORT_MAX_PROBLEMS);
    assert_int_equal(res->problems[0].line, 2);
    assert_int_equal(res->n_people, lines);
}

static void single_value_rules(void **state)
{
    (void)state;
    assert_true(import_username_ok("amira"));
    assert_true(import_username_ok("a.b-c_d9"));
    assert_true(import_username_ok("0x"));
    assert_false(import_username_ok("a"));
    assert_false(import_username_ok("Amira"));
    assert_false(import_username_ok(".amira"));
    assert_false(import_username_ok("am ira"));
    assert_false(import_username_ok("amíra"));
    char long_name[66];
    memset(long_name, 'a', 65);
    long_name[65] = '\0';
    assert_false(import_username_ok(long_name));
    long_name[64] = '\0';
    assert_true(import_username_ok(long_name));
    assert_null(import_name_problem("Zoë O'Neill", strlen("Zoë O'Neill")));
    assert_string_equal(import_name_problem("", 0), "is empty");
    assert_non_null(import_name_problem("a\tb", 3));
    char name[202];
    memset(name, 'n', 201);
    name[201] = '\0';
    assert_string_equal(import_name_problem(name, 201), "is longer than 200 characters");
    assert_null(import_name_problem(name, 200));
}

int run_import_tests(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(reads_a_good_file),
        T(accepts_what_spreadsheets_write),
        T(lists_every_problem_with_its_line),
        T(refuses_invalid_utf8_and_control_characters),
        T(names_wrong_or_missing_columns_in_the_header),
        T(says_when_the_header_is_in_another_order),
        T(says_when_values_are_separated_by_semicolons),
        T(says_when_the_file_is_empty_or_has_nobody),
        T(refuses_conflicting_duplicates_and_counts_people),
        T(reports_misplaced_and_unclosed_quotes_by_line),
        T(keeps_messages_short_and_free_of_control_characters),
        T(keeps_at_most_the_first_problems),
        T(single_value_rules),
    };
#undef T
    return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
