package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.udf;

import java.time.LocalDate;
import java.time.Period;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;

/**
 * Whole years of age at a date, from the encrypted date of birth. The clear date exists only inside this function,
 * so no table ever holds it. Null when either date is unknown.
 */
public final class AgeAtDate implements UDF2<byte[], Object, Integer> {
    private final DateOfBirthCipher cipher;

    public AgeAtDate(DateOfBirthCipher cipher) {
        this.cipher = cipher;
    }

    public static Column age(DateOfBirthCipher cipher, Column dobCipher, Column date) {
        UserDefinedFunction f = udf(new AgeAtDate(cipher), DataTypes.IntegerType);
        return f.apply(dobCipher, date);
    }

    /** Year of birth from the encrypted date of birth (the only part of it any output may show); null when unknown. */
    public static Column yearOfBirth(DateOfBirthCipher cipher, Column dobCipher) {
        UserDefinedFunction f = udf(
                (org.apache.spark.sql.api.java.UDF1<byte[], Integer>)
                        c -> c == null ? null : cipher.decrypt(c).getYear(),
                DataTypes.IntegerType);
        return f.apply(dobCipher);
    }

    @Override
    public Integer call(byte[] dobCipher, Object date) {
        if (dobCipher == null || date == null) {
            return null;
        }
        LocalDate at = date instanceof LocalDate d ? d : ((java.sql.Date) date).toLocalDate();
        return yearsBetween(cipher.decrypt(dobCipher), at);
    }

    /** Whole years from birth to the date (a birthday on the date counts). */
    public static int yearsBetween(LocalDate dob, LocalDate at) {
        return Period.between(dob, at).getYears();
    }
}
