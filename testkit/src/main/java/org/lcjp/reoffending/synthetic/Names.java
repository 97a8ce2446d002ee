package org.lcjp.reoffending.synthetic;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Name pools of the North East, with the nicknames and spellings that make linkage hard. */
final class Names {
    static final List<String> MALE = List.of("John", "William", "James", "Robert", "Michael", "David", "Richard",
            "Thomas", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Paul", "Steven", "Andrew", "Joshua",
            "Kevin", "Brian", "George", "Edward", "Ryan", "Jacob", "Gary", "Nicholas", "Jonathan", "Stephen", "Peter",
            "Benjamin", "Samuel", "Alexander", "Patrick", "Jack", "Dean", "Craig", "Lee", "Wayne", "Shaun", "Liam",
            "Connor", "Callum", "Kieran", "Jordan", "Nathan", "Jamie", "Scott", "Adam", "Luke", "Carl", "Darren",
            "Stuart", "Neil", "Ian", "Philip", "Martin", "Keith", "Graham", "Alan", "Barry", "Terence", "Frederick",
            "Henry", "Charles", "Joseph", "Timothy", "Kyle", "Reece", "Bradley", "Aaron", "Jake", "Mohammed", "Ali",
            "Tomasz", "Piotr", "José", "Seán", "Declan", "Ciarán", "Oliver", "Harry", "Ethan", "Lewis", "Mason",
            "Tyler", "Dominic", "Gareth", "Owen", "Rhys", "Kai", "Zak");
    static final List<String> FEMALE = List.of("Mary", "Elizabeth", "Jennifer", "Susan", "Margaret", "Sarah", "Karen",
            "Lisa", "Nancy", "Emma", "Michelle", "Amanda", "Melissa", "Rebecca", "Laura", "Nicola", "Joanne",
            "Kelly", "Claire", "Gemma", "Stacey", "Leanne", "Donna", "Tracey", "Julie", "Jacqueline", "Katherine",
            "Catherine", "Victoria", "Samantha", "Rachel", "Hannah", "Chloe", "Jessica", "Amy", "Sophie", "Charlotte",
            "Danielle", "Natalie", "Kirsty", "Louise", "Hayley", "Jade", "Paige", "Courtney", "Shannon", "Abigail",
            "Deborah", "Patricia", "Christine", "Helen", "Angela", "Dawn", "Zoë", "Chloé", "Siobhán", "Aoife",
            "Agnieszka", "Fatima", "Ayesha", "Megan", "Lauren", "Bethany", "Kimberley", "Kayleigh", "Toni", "Ellie");
    static final List<String> SURNAMES = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
            "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
            "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell",
            "Rose", "Davis", "Rodgers", "Hughes", "Harris", "Turner", "Moore", "Scott", "Cooper", "Ward", "Morris",
            "King", "Watson", "Harrison", "Morgan", "Baker", "Young", "Allen", "Bell", "Hill", "Carr", "Dixon",
            "Armstrong", "Robson", "Charlton", "Elliott", "Milburn", "Nicholson", "Hutchinson", "Heslop", "Pattinson",
            "Lister", "Atkinson", "Richardson", "Gibson", "Stephenson", "Dodds", "Forster", "Ridley", "Potts",
            "Errington", "Hetherington", "Oliver", "Graham", "Kerr", "Bainbridge", "Liddle", "Wardle", "Nixon",
            "Tweddle", "Bowes", "Laidler", "Shotton", "Anderson", "Marshall", "Fenwick", "Storey", "Dunn", "Purvis",
            "O'Brien", "O'Neill", "O'Connor", "McDonald", "MacKenzie", "McCormack", "D'Souza", "Smith-Jones",
            "Taylor-Brown", "Lloyd-Davies", "Ahmed", "Hussain", "Begum", "Ali", "Kowalski", "Nowak", "Müller",
            "Núñez", "Leighton", "Coulson", "Brannigan", "Kennedy", "Murphy", "Kelly", "Doyle", "Quinn", "Lynch",
            "Foster", "Barker", "Wilkinson", "Hodgson", "Pearson", "Simpson", "Dobson", "Bell", "Thomson", "Brady",
            "Reed", "Chapman", "Ellis", "Walton", "Hunter", "Ross", "Hardy", "Lamb", "Snowball", "Tait", "Coxon",
            "Swinburne", "Peacock", "Hall-Smith", "Fairless", "Brunskill", "Raine", "Toward", "Appleby", "Blenkinsop");
    static final Map<String, List<String>> NICKNAMES = Map.ofEntries(
            Map.entry("John", List.of("Jon", "Johnny", "Jack")), Map.entry("William", List.of("Bill", "Will", "Billy", "Liam")),
            Map.entry("James", List.of("Jim", "Jimmy", "Jamie")), Map.entry("Robert", List.of("Rob", "Bob", "Bobby")),
            Map.entry("Michael", List.of("Mike", "Mick")), Map.entry("David", List.of("Dave", "Davy")),
            Map.entry("Richard", List.of("Rich", "Dick")), Map.entry("Thomas", List.of("Tom", "Tommy")),
            Map.entry("Christopher", List.of("Chris")), Map.entry("Daniel", List.of("Dan", "Danny")),
            Map.entry("Matthew", List.of("Matt")), Map.entry("Anthony", List.of("Tony", "Ant")),
            Map.entry("Steven", List.of("Steve", "Stephen")), Map.entry("Stephen", List.of("Steve", "Steven")),
            Map.entry("Andrew", List.of("Andy", "Drew")), Map.entry("Joshua", List.of("Josh")),
            Map.entry("Nicholas", List.of("Nick", "Nicky")), Map.entry("Jonathan", List.of("Jon", "Jonny")),
            Map.entry("Peter", List.of("Pete")), Map.entry("Benjamin", List.of("Ben")), Map.entry("Samuel", List.of("Sam")),
            Map.entry("Alexander", List.of("Alex", "Sandy")), Map.entry("Patrick", List.of("Pat", "Paddy")),
            Map.entry("Edward", List.of("Ed", "Eddie", "Ted")), Map.entry("Philip", List.of("Phil")),
            Map.entry("Terence", List.of("Terry")), Map.entry("Frederick", List.of("Fred", "Freddie")),
            Map.entry("Henry", List.of("Harry")), Map.entry("Charles", List.of("Charlie")), Map.entry("Joseph", List.of("Joe")),
            Map.entry("Timothy", List.of("Tim")), Map.entry("Mohammed", List.of("Mohammad", "Muhammad")),
            Map.entry("Elizabeth", List.of("Liz", "Beth", "Lizzie")), Map.entry("Jennifer", List.of("Jen", "Jenny")),
            Map.entry("Susan", List.of("Sue")), Map.entry("Margaret", List.of("Maggie", "Peggy")),
            Map.entry("Katherine", List.of("Kate", "Kathryn")), Map.entry("Catherine", List.of("Cath", "Kate")),
            Map.entry("Victoria", List.of("Vicky", "Vikki")), Map.entry("Samantha", List.of("Sam", "Sammy")),
            Map.entry("Rebecca", List.of("Becky", "Becca")), Map.entry("Nicola", List.of("Nicky", "Nikki")),
            Map.entry("Jacqueline", List.of("Jackie")), Map.entry("Deborah", List.of("Debbie", "Debra")),
            Map.entry("Patricia", List.of("Pat", "Trish")), Map.entry("Christine", List.of("Chris", "Tina")),
            Map.entry("Abigail", List.of("Abbie", "Abby")), Map.entry("Kimberley", List.of("Kim")),
            Map.entry("Danielle", List.of("Dani")), Map.entry("Jessica", List.of("Jess")),
            Map.entry("Tracey", List.of("Tracy")), Map.entry("Kayleigh", List.of("Kayley", "Kaylee")),
            Map.entry("Zoë", List.of("Zoe")), Map.entry("Michelle", List.of("Shelley")));

    private Names() {
    }

    static String pick(List<String> pool, SplittableRandom rng) {
        // Zipf-like: the head of each pool is far more common, as real name frequencies are.
        int i = (int) Math.floor(pool.size() * Math.pow(rng.nextDouble(), 1.6));
        return pool.get(Math.min(i, pool.size() - 1));
    }

    static String nickname(String forename, SplittableRandom rng) {
        List<String> options = NICKNAMES.get(forename);
        return options == null ? null : options.get(rng.nextInt(options.size()));
    }
}
