package app.fixmo.edge.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.edge.http.ApiException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static final List<Integer> FIFTY_FIVE = IntStream.rangeClosed(1, 55).boxed().toList();

  @Test
  void absentParametersGiveTheFirstPageOfTwenty() {
    assertThat(Paging.of(null, null)).isEqualTo(new Paging(1, 20));
    assertThat(Paging.of("", "")).isEqualTo(new Paging(1, 20));
  }

  @Test
  void secondPageSlicesTheNextItems() {
    List<Integer> page = Paging.of("2", "20").slice(FIFTY_FIVE);

    assertThat(page).containsExactlyElementsOf(IntStream.rangeClosed(21, 40).boxed().toList());
  }

  @Test
  void lastPageHoldsWhatIsLeft() {
    assertThat(Paging.of("3", "20").slice(FIFTY_FIVE))
        .containsExactly(41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55);
  }

  @Test
  void pagePastTheEndIsEmptyEvenForTheLargestPageNumber() {
    assertThat(Paging.of("4", "20").slice(FIFTY_FIVE)).isEmpty();
    assertThat(Paging.of(String.valueOf(Integer.MAX_VALUE), "50").slice(FIFTY_FIVE)).isEmpty();
  }

  @Test
  void pageBelowOneIsRefusedNamingPage() {
    assertThatThrownBy(() -> Paging.of("0", null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              assertThat(e.problem().errors().getFirst().field()).isEqualTo("page");
              assertThat(e.problem().detail()).isEqualTo("page: must be a whole number, 1 or more");
            });
  }

  @Test
  void pageSizeOverFiftyOrNotANumberIsRefusedNamingPageSize() {
    for (String bad : List.of("51", "0", "ten", "2.5", "99999999999")) {
      assertThatThrownBy(() -> Paging.of("1", bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ApiException.class,
              e ->
                  assertThat(e.problem().detail())
                      .isEqualTo("pageSize: must be a whole number from 1 to 50"));
    }
  }

  @Test
  void entityTagNamesTheVersionAndThePageAndHoldsNoSpace() {
    String etag = Paging.of("2", "10").etag("provider-list", "plumbing|quezon city", 7);

    assertThat(etag).isEqualTo("\"provider-list/plumbing%7Cquezon+city@7;page=2;pageSize=10\"");
  }

  @Test
  void entityTagChangesWithThePageSize() {
    String ten = Paging.of("1", "10").etag("provider-list", "aircon|cebu", 3);
    String twenty = Paging.of("1", "20").etag("provider-list", "aircon|cebu", 3);

    assertThat(ten).isNotEqualTo(twenty);
  }
}
