"""Running a scan: the pipeline of stages, its worker processes, and the Dask engine."""
