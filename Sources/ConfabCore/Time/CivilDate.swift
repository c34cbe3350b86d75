/// A calendar date in the proleptic Gregorian calendar, converted to and from a day count
/// relative to 1970-01-01 with integer arithmetic only.
///
/// The conversions shift the year to start on 1 March, so that the leap day is the last day of
/// a shifted year, and count in 400-year eras of 146,097 days, after which the calendar repeats.
struct CivilDate: Equatable {
    var year: Int
    /// 1...12
    var month: Int
    /// 1...31
    var day: Int

    static let secondsPerDay = 86_400

    private static let daysPerEra = 146_097
    /// Days from 0000-03-01 (the start of era 0) to 1970-01-01.
    private static let epochOffset = 719_468

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01, negative before it.
    var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = Self.floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400

        // March is month 0 of the shifted year; 153 days span each five-month stretch.
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear

        return era * Self.daysPerEra + dayOfEra - Self.epochOffset
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(daysSinceEpoch days: Int) {
        let shiftedDays = days + Self.epochOffset
        let era = Self.floorDivide(shiftedDays, Self.daysPerEra)
        let dayOfEra = shiftedDays - era * Self.daysPerEra

        // Undo the leap days counted before this day of the era (every 4th year, less every
        // 100th, plus the 400th at the era's very end).
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153

        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    static func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
        let quotient = dividend / divisor
        return (dividend % divisor < 0) ? quotient - 1 : quotient
    }
}
