"""Build-up Brief: a sourced dataset and parameterised reports on Russia's build-up of
forces around Ukraine (March 2021 - February 2022) and the diplomacy around it."""

__version__ = "0.1.0"
