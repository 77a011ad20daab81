"""AHPy's cities example (Saaty 2005), shared by tests/test_ahp.py and
benchmarks/ahp_vs_ahpy.py so the benchmark times the very judgements the test checks."""

# Saaty (2005), as in AHPy's tests: the criteria and the four cities under each criterion; the
# culture judgements give Bethesda vs Pittsburgh both ways (1 and 1), which must be accepted
CITY_CRITERIA = {("Culture", "Housing"): 3, ("Culture", "Transportation"): 5,
                 ("Family", "Culture"): 5, ("Family", "Housing"): 7,
                 ("Family", "Transportation"): 7, ("Housing", "Transportation"): 3,
                 ("Jobs", "Culture"): 2, ("Jobs", "Housing"): 4, ("Jobs", "Transportation"): 7,
                 ("Family", "Jobs"): 1}
CITIES = {
    "Culture": {("Bethesda", "Pittsburgh"): 1, ("Boston", "Bethesda"): 2,
                ("Boston", "Pittsburgh"): 2.5, ("Boston", "Santa Fe"): 1,
                ("Pittsburgh", "Bethesda"): 1, ("Santa Fe", "Bethesda"): 2,
                ("Santa Fe", "Pittsburgh"): 2.5},
    "Family": {("Bethesda", "Boston"): 2, ("Bethesda", "Santa Fe"): 4, ("Boston", "Santa Fe"): 2,
               ("Pittsburgh", "Bethesda"): 3, ("Pittsburgh", "Boston"): 8,
               ("Pittsburgh", "Santa Fe"): 9},
    "Housing": {("Bethesda", "Boston"): 5, ("Bethesda", "Santa Fe"): 2.5,
                ("Pittsburgh", "Bethesda"): 2, ("Pittsburgh", "Boston"): 9,
                ("Pittsburgh", "Santa Fe"): 7, ("Santa Fe", "Boston"): 4},
    "Jobs": {("Bethesda", "Pittsburgh"): 3, ("Bethesda", "Santa Fe"): 4,
             ("Boston", "Bethesda"): 2, ("Boston", "Pittsburgh"): 6, ("Boston", "Santa Fe"): 8,
             ("Pittsburgh", "Santa Fe"): 1},
    "Transportation": {("Bethesda", "Boston"): 1.5, ("Bethesda", "Santa Fe"): 4,
                       ("Boston", "Santa Fe"): 2.5, ("Pittsburgh", "Bethesda"): 2,
                       ("Pittsburgh", "Boston"): 3.5, ("Pittsburgh", "Santa Fe"): 9},
}
