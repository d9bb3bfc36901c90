import ArgumentParser
import KinerjaPipeline

extension Shard: ExpressibleByArgument {}
