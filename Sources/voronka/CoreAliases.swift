import VoronkaCore

typealias VoronkaCoreDay = VoronkaCore.Day
