// Each test runs its own Redis and three silo processes: one at a time on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
