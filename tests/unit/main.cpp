// The one doctest main of the unit tests (one test_<topic>.cpp per topic next to it).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
