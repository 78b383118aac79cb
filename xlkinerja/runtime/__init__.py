"""How xlkinerja's processes run: work done by a forked child meanwhile (`forked.py`),
children that die with their parent (`parent_death.py`), the garbage collector during a job
(`collector.py`) and the peak memory a process used (`peak_memory.py`)."""
